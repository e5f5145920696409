package io.aftercart.gateway;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Gateway settings ({@code aftercart.gateway.*}, env {@code AFTERCART_GATEWAY_*}).
 *
 * @param adminPassword    password of the built-in {@code admin} account ({@code AFTERCART_GATEWAY_ADMIN_PASSWORD});
 *                         set at every start when given; when absent on first start one is generated and printed once
 * @param maxLoginFailures consecutive failed sign-ins (form or HTTP Basic) that lock an account
 * @param lockout          how long a locked account stays locked
 * @param secureCookies    mark the session cookie {@code Secure} (turn on behind HTTPS; the all-in-one is plain HTTP)
 * @param ingestRatePerSecond requests per second per write key (or per client address without one) on the ingest
 *                         paths; {@code ingestRateBurst} requests may come at once
 * @param userRatePerSecond requests per second per signed-in user or API token; {@code userRateBurst} at once
 * @param routes           distributed mode: base URL per service not running in this process, e.g.
 *                         {@code aftercart.gateway.routes.collector=http://collector:8080}
 * @param forwardSecret    shared secret the gateway adds to forwarded requests and that services in processes
 *                         without the gateway require ({@code AFTERCART_GATEWAY_FORWARD_SECRET}); blank = not checked
 * @param writeKeys        write keys to seed into the managed store at start (kept hashed), e.g.
 *                         {@code aftercart.gateway.write-keys[0].source=web}, {@code ...[0].key=...}
 * @param oidc             accept JWTs of an external identity provider as well
 */
@ConfigurationProperties("aftercart.gateway")
public record GatewayProperties(
        String adminPassword,
        @DefaultValue("5") int maxLoginFailures,
        @DefaultValue("15m") Duration lockout,
        @DefaultValue("false") boolean secureCookies,
        @DefaultValue("5000") double ingestRatePerSecond,
        @DefaultValue("20000") int ingestRateBurst,
        @DefaultValue("50") double userRatePerSecond,
        @DefaultValue("200") int userRateBurst,
        @DefaultValue Map<String, URI> routes,
        String forwardSecret,
        @DefaultValue List<WriteKeySeed> writeKeys,
        @DefaultValue Oidc oidc) {

    /**
     * A token bucket: {@code perSecond} sustained, bursts up to {@code burst}. Buckets live in each gateway process's
     * memory, so with several gateway replicas the limit applies per replica.
     */
    public record RateLimit(double perSecond, int burst) {
    }

    public RateLimit ingestRate() {
        return new RateLimit(ingestRatePerSecond, ingestRateBurst);
    }

    public RateLimit userRate() {
        return new RateLimit(userRatePerSecond, userRateBurst);
    }

    public record WriteKeySeed(String source, String key) {
    }

    /**
     * @param issuerUri   the identity provider's issuer; enables JWT sign-in when set (or when jwkSetUri is)
     * @param jwkSetUri   the provider's key set, when it has no discovery document
     * @param rolesClaim  claim holding the user's roles (a list or a space-separated string of role names)
     * @param usernameClaim claim naming the user
     */
    public record Oidc(String issuerUri, String jwkSetUri, @DefaultValue("roles") String rolesClaim,
            @DefaultValue("preferred_username") String usernameClaim) {

        public boolean enabled() {
            return (issuerUri != null && !issuerUri.isBlank()) || (jwkSetUri != null && !jwkSetUri.isBlank());
        }
    }
}
