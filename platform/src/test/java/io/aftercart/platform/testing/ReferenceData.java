package io.aftercart.platform.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The shared reference datasets with published figures. The root build sets the system property
 * {@value #PROPERTY} for every test run (to {@code <repository>/../shared/data}), so the tests do not depend on the
 * folder the repository is checked out in; outside Maven, pass it with {@code -D}.
 */
public final class ReferenceData {

    public static final String PROPERTY = "aftercart.reference-data";

    private ReferenceData() {
    }

    /** The file or folder at {@code relative} inside the reference data, failing with where it was looked for. */
    public static Path path(String relative) {
        String configured = System.getProperty(PROPERTY);
        if (configured == null || configured.isBlank()) {
            throw new IllegalStateException("The system property " + PROPERTY + " is not set: run through Maven, or "
                    + "pass -D" + PROPERTY + "=<shared/data folder>, to find " + relative);
        }
        Path path = Path.of(configured).resolve(relative).toAbsolutePath().normalize();
        if (!Files.exists(path)) {
            throw new IllegalStateException("Reference data missing: " + path + " (from " + PROPERTY + "="
                    + configured + ")");
        }
        return path;
    }
}
