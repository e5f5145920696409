package io.aftercart.profiles;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the profiles service.
 *
 * @param piiKey          base64 key (at least 32 bytes) protecting e-mail addresses and phone numbers: a keyed hash
 *                        for look-ups and AES-GCM for the value ({@code AFTERCART_PROFILES_PII_KEY}); when blank and
 *                        the store is embedded, one is generated into {@code <data-dir>/profiles-pii.key}; required
 *                        with PostgreSQL
 * @param defaultPageSize profiles or timeline entries per page when a request gives no {@code limit}
 *                        ({@code AFTERCART_PROFILES_DEFAULT_PAGE_SIZE})
 * @param maxPageSize     the largest {@code limit} a request may ask for ({@code AFTERCART_PROFILES_MAX_PAGE_SIZE})
 * @param publishTimeoutSeconds how long a poll waits for its profile changes to be acknowledged by Kafka before it is
 *                        retried ({@code AFTERCART_PROFILES_PUBLISH_TIMEOUT_SECONDS})
 */
@ConfigurationProperties("aftercart.profiles")
public record ProfilesProperties(
        String piiKey,
        @DefaultValue("50") int defaultPageSize,
        @DefaultValue("500") int maxPageSize,
        @DefaultValue("30") int publishTimeoutSeconds) {
}
