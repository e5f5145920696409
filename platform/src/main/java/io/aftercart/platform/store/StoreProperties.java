package io.aftercart.platform.store;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where services keep their data.
 *
 * @param url      a PostgreSQL JDBC URL ({@code AFTERCART_STORE_URL}); when blank each service keeps an embedded
 *                 DuckDB file {@code <data-dir>/<service>.duckdb}
 * @param username PostgreSQL user ({@code AFTERCART_STORE_USERNAME})
 * @param password PostgreSQL password ({@code AFTERCART_STORE_PASSWORD})
 * @param poolSize connections per service ({@code AFTERCART_STORE_POOL_SIZE})
 * @param duckdbMemoryLimit memory each service's DuckDB database may use for its buffers, e.g. {@code 256MB}
 *                 ({@code AFTERCART_STORE_DUCKDB_MEMORY_LIMIT}); DuckDB spills to disk beyond it
 */
@ConfigurationProperties("aftercart.store")
public record StoreProperties(String url, String username, String password, @DefaultValue("4") int poolSize,
        @DefaultValue("256MB") String duckdbMemoryLimit) {

    @ConstructorBinding
    public StoreProperties {
    }

    /** Embedded DuckDB with the default memory limit, or PostgreSQL at {@code url}. */
    public StoreProperties(String url, String username, String password, int poolSize) {
        this(url, username, password, poolSize, "256MB");
    }

    public boolean embedded() {
        return url == null || url.isBlank();
    }
}
