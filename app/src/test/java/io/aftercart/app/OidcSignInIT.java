package io.aftercart.app;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import io.aftercart.platform.testing.ServiceTestRig;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Sign-in through an external identity provider, played by a small HTTP server on 127.0.0.1 that publishes an RSA
 * key set (and, for the issuer option, a discovery document). The gateway runs with analytics, whose routes it
 * guards, and takes the provider's RS256 JWTs: roles from the roles claim, the name from the username claim.
 * Expired, foreign-signed, unsigned and role-less tokens get no access, and a provider's user cannot act as the
 * local account of the same name through API tokens.
 */
class OidcSignInIT {

    private static final String ADMIN_PASSWORD = "oidc-it-admin-password";
    private static final String AUTHORIZATION = "Authorization";
    private static final String KEY_ID = "provider-key-1";

    @TempDir
    static Path dir;

    private static ServiceTestRig rig;
    private static HttpServer provider;
    private static String providerUrl;
    private static RSAKey providerKey;
    private static RSAKey foreignKey;
    private static LaunchedApp app;

    @BeforeAll
    static void start() throws Exception {
        providerKey = new RSAKeyGenerator(2048).keyID(KEY_ID).generate();
        // the same key id: a forger who read the published key set
        foreignKey = new RSAKeyGenerator(2048).keyID(KEY_ID).generate();
        provider = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        providerUrl = "http://127.0.0.1:" + provider.getAddress().getPort();
        serve("/jwks.json", new JWKSet(providerKey.toPublicJWK()).toString());
        serve("/.well-known/openid-configuration",
                "{\"issuer\":\"" + providerUrl + "\",\"jwks_uri\":\"" + providerUrl + "/jwks.json\","
                        + "\"subject_types_supported\":[\"public\"],"
                        + "\"id_token_signing_alg_values_supported\":[\"RS256\"]}");
        provider.start();
        rig = ServiceTestRig.start(dir);
        app = LaunchedApp.start(rig.bootstrapServers(), dir.resolve("app"), "gateway,analytics",
                "--aftercart.gateway.admin-password=" + ADMIN_PASSWORD,
                "--aftercart.gateway.oidc.jwk-set-uri=" + providerUrl + "/jwks.json");
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
        if (rig != null) {
            rig.close();
        }
        if (provider != null) {
            provider.stop(0);
        }
    }

    @Test
    void anAnalystReadsCustomerLevelDataButNoAdminRoute() throws Exception {
        String analyst = bearer(providerKey, claims("ann.analyst").claim("roles", List.of("analyst")));
        assertThat(app.get("/api/v1/events?customerId=c-1", 200, AUTHORIZATION, analyst).get("events").isArray())
                .isTrue();
        assertThat(app.get("/api/v1/admin/users", 403, AUTHORIZATION, analyst).get("title").asString())
                .isEqualTo("Forbidden");

        JsonNode me = app.get("/api/v1/me", 200, AUTHORIZATION, analyst);
        assertThat(me.get("username").asString()).as("the username claim, not the subject").isEqualTo("ann.analyst");
        assertThat(authorities(me)).containsExactly("ROLE_ANALYST");
    }

    @Test
    void aViewerSeesKpisButNoCustomerLevelData() throws Exception {
        String viewer = bearer(providerKey, claims("vic.viewer").claim("roles", List.of("viewer")));
        assertThat(app.get("/api/v1/kpis/orders", 200, AUTHORIZATION, viewer).isObject()).isTrue();
        assertThat(app.get("/api/v1/events/counts", 200, AUTHORIZATION, viewer).has("total")).isTrue();
        app.get("/api/v1/events?customerId=c-1", 403, AUTHORIZATION, viewer);
        app.get("/api/v1/customers", 403, AUTHORIZATION, viewer);
    }

    @Test
    void expiredForgedAndUnsignedTokensAreNotSignedIn() throws Exception {
        Instant now = Instant.now();
        JWTClaimsSet.Builder expired = claims("eve.expired").claim("roles", List.of("admin"))
                .issueTime(Date.from(now.minusSeconds(3600))).expirationTime(Date.from(now.minusSeconds(600)));
        JWTClaimsSet.Builder admin = claims("mallory").claim("roles", List.of("admin"));
        List<String> refused = List.of(
                bearer(providerKey, expired),
                bearer(foreignKey, admin),
                "Bearer " + new PlainJWT(admin.build()).serialize(),
                "Bearer not-a-jwt");
        for (String authorization : refused) {
            assertThat(app.get("/api/v1/kpis/orders", 401, AUTHORIZATION, authorization).get("title").asString())
                    .isEqualTo("Authentication required");
        }
    }

    @Test
    void aTokenWithoutAnAftercartRoleIsSignedInButAllowedNothing() throws Exception {
        for (JWTClaimsSet.Builder claims : List.of(claims("nora.noroles"),
                claims("uma.unknown").claim("roles", List.of("superuser", "owner")))) {
            String authorization = bearer(providerKey, claims);
            assertThat(authorities(app.get("/api/v1/me", 200, AUTHORIZATION, authorization))).isEmpty();
            app.get("/api/v1/kpis/orders", 403, AUTHORIZATION, authorization);
            app.get("/api/v1/events/counts", 403, AUTHORIZATION, authorization);
        }
    }

    @Test
    void aProviderUserCannotActAsTheLocalAccountOfTheSameNameThroughApiTokens() throws Exception {
        String impostor = bearer(providerKey, claims("admin").claim("roles", List.of("viewer")));
        app.post("/api/v1/tokens", "{\"name\":\"takeover\"}", 403, AUTHORIZATION, impostor);
        app.get("/api/v1/tokens", 403, AUTHORIZATION, impostor);

        String localAdmin = "Basic " + Base64.getEncoder().encodeToString(("admin:" + ADMIN_PASSWORD).getBytes(UTF_8));
        assertThat(app.get("/api/v1/tokens", 200, AUTHORIZATION, localAdmin).toString()).doesNotContain("takeover");
    }

    @Test
    void theIssuerOptionAndCustomClaimsAreHonoured() throws Exception {
        try (LaunchedApp custom = LaunchedApp.start(rig.bootstrapServers(), dir.resolve("custom-claims"), "gateway",
                "--aftercart.gateway.admin-password=" + ADMIN_PASSWORD,
                "--aftercart.gateway.oidc.issuer-uri=" + providerUrl,
                "--aftercart.gateway.oidc.roles-claim=groups",
                "--aftercart.gateway.oidc.username-claim=email")) {
            String ops = bearer(providerKey, claims("ops").claim("email", "ops@shop.example")
                    .claim("groups", "viewer admin").claim("roles", List.of("viewer")));
            JsonNode me = custom.get("/api/v1/me", 200, AUTHORIZATION, ops);
            assertThat(me.get("username").asString()).isEqualTo("ops@shop.example");
            assertThat(authorities(me)).containsExactlyInAnyOrder("ROLE_VIEWER", "ROLE_ADMIN");
            assertThat(custom.get("/api/v1/admin/users", 200, AUTHORIZATION, ops).isArray()).isTrue();

            String rolesInTheDefaultClaim = bearer(providerKey, claims("dana").claim("roles", List.of("admin")));
            custom.get("/api/v1/admin/users", 403, AUTHORIZATION, rolesInTheDefaultClaim);

            String otherIssuer = bearer(providerKey, claims("ivan").issuer("https://other-idp.example")
                    .claim("groups", List.of("admin")));
            custom.get("/api/v1/admin/users", 401, AUTHORIZATION, otherIssuer);
        }
    }

    @Test
    void aProviderThatCannotBeReachedGives503WithRetryAfterWhileLocalSignInsWork() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        String down = "http://127.0.0.1:" + closedPort;
        Map<String, String> providerOptions = Map.of("jwk-set-uri", down + "/jwks.json", "issuer-uri", down);
        for (Map.Entry<String, String> option : providerOptions.entrySet()) {
            String provider = option.getKey();
            try (LaunchedApp outage = LaunchedApp.start(rig.bootstrapServers(), dir.resolve("down-" + provider),
                    "gateway", "--aftercart.gateway.admin-password=" + ADMIN_PASSWORD,
                    "--aftercart.gateway.oidc." + provider + "=" + option.getValue())) {
                String analyst = bearer(providerKey, claims("ann.analyst").claim("roles", List.of("analyst")));
                assertThat(outage.get("/api/v1/me", 503, AUTHORIZATION, analyst).get("title").asString())
                        .as(provider).isEqualTo("Identity provider unavailable");
                HttpResponse<Void> raw = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(outage.baseUrl() + "/api/v1/me")).header(AUTHORIZATION, analyst).build(),
                        HttpResponse.BodyHandlers.discarding());
                assertThat(raw.headers().firstValue("Retry-After")).as(provider).hasValueSatisfying(
                        seconds -> assertThat(Integer.parseInt(seconds)).isPositive());

                String localAdmin = "Basic " + Base64.getEncoder().encodeToString(("admin:" + ADMIN_PASSWORD)
                        .getBytes(UTF_8));
                assertThat(outage.get("/api/v1/me", 200, AUTHORIZATION, localAdmin).get("username").asString())
                        .isEqualTo("admin");
            }
        }
    }

    /** Valid for an hour, issued by the provider, with the user's name in {@code preferred_username}. */
    private static JWTClaimsSet.Builder claims(String username) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer(providerUrl)
                .subject("subject-of-" + username)
                .claim("preferred_username", username)
                .issueTime(Date.from(now.minusSeconds(5)))
                .expirationTime(Date.from(now.plusSeconds(3600)));
    }

    private static String bearer(RSAKey key, JWTClaimsSet.Builder claims) throws JOSEException {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                claims.build());
        jwt.sign(new RSASSASigner(key));
        return "Bearer " + jwt.serialize();
    }

    private static List<String> authorities(JsonNode me) {
        List<String> authorities = new ArrayList<>();
        me.get("authorities").forEach(authority -> authorities.add(authority.asString()));
        return authorities;
    }

    private static void serve(String path, String json) {
        byte[] body = json.getBytes(UTF_8);
        provider.createContext(path, exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
    }
}
