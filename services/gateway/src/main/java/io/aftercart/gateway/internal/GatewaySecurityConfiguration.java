package io.aftercart.gateway.internal;

import io.aftercart.gateway.Access;
import io.aftercart.gateway.AccessRules;
import io.aftercart.gateway.GatewayProperties;
import io.aftercart.gateway.Role;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Set;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoderInitializationException;
import org.springframework.security.oauth2.jwt.JwtDecoders;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Two filter chains. Ingest ({@code POST /v1/**}, {@code POST /api/v1/events}) carries a write key that the collector
 * checks, so it gets no user authentication, only its rate limit. Everything else follows {@link AccessRules}:
 * signed in by session (form login, CSRF-protected), API token, HTTP Basic, or an OIDC JWT when configured; a route
 * without a rule is denied.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
public class GatewaySecurityConfiguration {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    @Bean
    PasswordEncoder passwordEncoder() {
        // bcrypt today, recognisable by its {id} prefix so a stronger scheme can take over without a migration
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    RoleHierarchy roleHierarchy() {
        return Role.roleHierarchy();
    }

    @Bean
    AuthenticationManager authenticationManager(UserAccounts accounts, LoginFailures failures,
            PasswordEncoder passwordEncoder) {
        DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(new StoredUsers(accounts));
        passwords.setPasswordEncoder(passwordEncoder);
        return new ProviderManager(new LockingAuthenticationProvider(passwords, failures, accounts));
    }

    /**
     * Session cookie: HttpOnly, SameSite=Lax, Secure when configured (the all-in-one is plain HTTP). Read from the
     * environment: the web server starts before configuration-properties beans can be made.
     */
    @Bean
    static ServletContextInitializer sessionCookie(Environment environment) {
        boolean secure = environment.getProperty("aftercart.gateway.secure-cookies", Boolean.class, false);
        return context -> {
            context.getSessionCookieConfig().setHttpOnly(true);
            context.getSessionCookieConfig().setSecure(secure);
            context.getSessionCookieConfig().setAttribute("SameSite", "Lax");
        };
    }

    @Bean
    @Order(1)
    SecurityFilterChain ingestChain(HttpSecurity http, GatewayProperties properties) throws Exception {
        TokenBuckets buckets = new TokenBuckets(properties.ingestRate().perSecond(), properties.ingestRate().burst(),
                System::nanoTime);
        return http
                .securityMatcher(ingestMatcher())
                .authorizeHttpRequests(authorize -> authorize.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .anonymous(anonymous -> { })
                .addFilterBefore(new RateLimitFilter(buckets, RateLimitKeys::ingest), AuthorizationFilter.class)
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain mainChain(HttpSecurity http, GatewayProperties properties, ApiTokens tokens)
            throws Exception {
        ApiEntryPoint api = new ApiEntryPoint();
        RequestMatcher apiPaths = new OrRequestMatcher(path("/api/**"), path("/v1/**"), path("/v3/**"),
                path("/actuator/**"));
        AccessDeniedHandlerImpl deniedPage = new AccessDeniedHandlerImpl();
        deniedPage.setErrorPage("/denied");
        TokenBuckets userBuckets = new TokenBuckets(properties.userRate().perSecond(), properties.userRate().burst(),
                System::nanoTime);
        http
                .authorizeHttpRequests(authorize -> {
                    for (AccessRules.Rule rule : AccessRules.rules()) {
                        var matcher = authorize.requestMatchers(rule.method(), rule.pattern());
                        switch (rule.access().kind()) {
                            case PUBLIC, WRITE_KEY -> matcher.permitAll();
                            case SIGNED_IN -> matcher.authenticated();
                            case ROLE -> matcher.hasRole(rule.access().role().name());
                        }
                    }
                    authorize.anyRequest().denyAll();
                })
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false)
                        .failureHandler((request, response, exception) -> response.sendRedirect(
                                request.getContextPath() + (exception instanceof LockedException
                                        ? "/login?locked" : "/login?error"))))
                .httpBasic(basic -> basic.authenticationEntryPoint(api))
                .logout(logout -> logout.logoutSuccessUrl("/login?logout"))
                .csrf(csrf -> csrf.requireCsrfProtectionMatcher(GatewaySecurityConfiguration::needsCsrfToken))
                .exceptionHandling(exceptions -> exceptions
                        .defaultAuthenticationEntryPointFor(api, apiPaths)
                        .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"),
                                request -> true)
                        .defaultAccessDeniedHandlerFor(api, apiPaths)
                        .defaultAccessDeniedHandlerFor(deniedPage, request -> true))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(
                        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
                                + "img-src 'self' data:; object-src 'none'; frame-ancestors 'none'")))
                .addFilterBefore(new ApiTokenFilter(tokens, properties.oidc().enabled()),
                        BasicAuthenticationFilter.class)
                .addFilterBefore(new RateLimitFilter(userBuckets, RateLimitKeys::user), AuthorizationFilter.class);
        if (properties.oidc().enabled()) {
            http.oauth2ResourceServer(oauth -> oauth
                    .authenticationEntryPoint(api)
                    .jwt(jwt -> jwt.decoder(jwtDecoder(properties.oidc()))
                            .jwtAuthenticationConverter(new OidcRoles(properties.oidc())))
                    // the configurer has no setter for it: an unreachable provider would otherwise answer 500
                    .withObjectPostProcessor(new ObjectPostProcessor<BearerTokenAuthenticationFilter>() {
                        @Override
                        public <O extends BearerTokenAuthenticationFilter> O postProcess(O filter) {
                            filter.setAuthenticationFailureHandler(api);
                            return filter;
                        }
                    }));
        }
        return http.build();
    }

    /**
     * Checks the provider's tokens against its key set, their time limits and, when an issuer is configured, their
     * issuer. Given only the issuer, the key set is found through its discovery document at the first token, so a
     * provider that is down does not keep the gateway from starting.
     */
    private static JwtDecoder jwtDecoder(GatewayProperties.Oidc oidc) {
        if (oidc.jwkSetUri() == null || oidc.jwkSetUri().isBlank()) {
            JwtDecoder discovered = new SupplierJwtDecoder(() -> JwtDecoders.fromIssuerLocation(oidc.issuerUri()));
            return token -> {
                try {
                    return discovered.decode(token);
                } catch (JwtDecoderInitializationException e) {
                    // a JwtException, like an unreachable key set, so that the client gets 503 and not 500
                    throw new JwtException("Cannot read the discovery document of " + oidc.issuerUri(), e);
                }
            };
        }
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(oidc.jwkSetUri()).build();
        if (oidc.issuerUri() != null && !oidc.issuerUri().isBlank()) {
            decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(oidc.issuerUri()));
        }
        return decoder;
    }

    /**
     * State-changing requests need the CSRF token unless they carry their own Authorization header: a browser
     * never adds one by itself (the API challenge names Bearer only, so none is remembered), so only session
     * requests can be forged across sites.
     */
    private static boolean needsCsrfToken(HttpServletRequest request) {
        return !SAFE_METHODS.contains(request.getMethod()) && request.getHeader("Authorization") == null;
    }

    static RequestMatcher ingestMatcher() {
        return new OrRequestMatcher(PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/v1/**"),
                PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/api/v1/events"));
    }

    private static RequestMatcher path(String pattern) {
        return PathPatternRequestMatcher.withDefaults().matcher(pattern);
    }
}
