package io.aftercart.e2e;

import java.util.List;

/** The end-to-end run on the all-in-one's default store: embedded DuckDB files in the data directory. */
class DuckDbEndToEndIT extends EndToEndIT {

    @Override
    protected List<String> storeArguments() {
        return List.of();
    }
}
