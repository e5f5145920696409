package io.aftercart.platform.store;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where services keep their data.
 *
 * @param url      a PostgreSQL JDBC URL ({@code AFTERCART_STORE_URL}); when blank each service keeps an embedded
 *                 DuckDB file {@code <data-dir>/<service>.duckdb}
 * @param username PostgreSQL user ({@code AFTERCART_STORE_USERNAME})
 * @param password PostgreSQL password ({@code AFTERCART_STORE_PASSWORD})
 * @param poolSize connections per service ({@code AFTERCART_STORE_POOL_SIZE})
 */
@ConfigurationProperties("aftercart.store")
public record StoreProperties(String url, String username, String password, @DefaultValue("4") int poolSize) {

    public boolean embedded() {
        return url == null || url.isBlank();
    }
}
