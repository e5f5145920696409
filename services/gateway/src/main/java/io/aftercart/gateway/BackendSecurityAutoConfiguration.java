package io.aftercart.gateway;

import io.aftercart.gateway.internal.ForwardingRoutes;
import io.aftercart.platform.web.Problems;
import io.aftercart.platform.config.AftercartProperties;
import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Processes that run services but not the gateway (distributed mode) sit behind it: the gateway has authenticated
 * and authorised each request. With {@code aftercart.gateway.forward-secret} set they accept only requests that carry
 * it (plus ingest, which the collector checks by write key, and health); without it they rely on the network
 * keeping them private, and say so at start.
 */
@AutoConfiguration
@ConditionalOnWebApplication
@Conditional(BackendSecurityAutoConfiguration.NoGatewayHere.class)
@EnableWebSecurity
public class BackendSecurityAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(BackendSecurityAutoConfiguration.class);

    /** No users live here: this keeps Spring Boot from creating a default one with a generated password. */
    @Bean
    UserDetailsService noUsers() {
        return new InMemoryUserDetailsManager();
    }

    @Bean
    SecurityFilterChain backendChain(HttpSecurity http, Environment environment) throws Exception {
        String secret = environment.getProperty("aftercart.gateway.forward-secret", "");
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(authorize -> authorize.anyRequest().permitAll());
        if (secret.isBlank()) {
            log.warn("aftercart.gateway.forward-secret is not set: this process answers every request it gets; "
                    + "keep it reachable only from the gateway");
        } else {
            http.addFilterBefore(new ForwardSecretFilter(secret), AuthorizationFilter.class);
        }
        return http.build();
    }

    static final class ForwardSecretFilter extends OncePerRequestFilter {

        private final byte[] secret;

        ForwardSecretFilter(String secret) {
            this.secret = secret.getBytes(StandardCharsets.UTF_8);
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws java.io.IOException, jakarta.servlet.ServletException {
            String given = request.getHeader(ForwardingRoutes.SECRET_HEADER);
            boolean open = request.getRequestURI().startsWith("/actuator/health")
                    || ("POST".equals(request.getMethod()) && (request.getRequestURI().startsWith("/v1/")
                    || request.getRequestURI().equals("/api/v1/events")));
            if (open || (given != null
                    && MessageDigest.isEqual(secret, given.getBytes(StandardCharsets.UTF_8)))) {
                chain.doFilter(request, response);
                return;
            }
            Problems.write(response, HttpStatus.UNAUTHORIZED, "Through the gateway only",
                    "This service answers requests forwarded by the Aftercart gateway");
        }
    }

    static class NoGatewayHere implements Condition {

        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            List<String> services = Binder.get(context.getEnvironment())
                    .bind("aftercart.services", org.springframework.boot.context.properties.bind.Bindable
                            .listOf(String.class)).orElse(List.of());
            return !new AftercartProperties(null, services).runs("gateway");
        }
    }
}
