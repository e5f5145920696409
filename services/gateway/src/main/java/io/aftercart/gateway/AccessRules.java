package io.aftercart.gateway;

import static io.aftercart.gateway.Role.ADMIN;
import static io.aftercart.gateway.Role.ANALYST;
import static io.aftercart.gateway.Role.VIEWER;

import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * The one table of who may call what, for every route of every service; the first rule that matches applies and a
 * request that matches none is denied. The authorisation-matrix test checks every route of the running application
 * against this table, so a new endpoint without a rule fails the build.
 */
public final class AccessRules {

    /** One rule; {@code method} null = any method; {@code pattern} in Spring's path-pattern syntax. */
    public record Rule(HttpMethod method, String pattern, Access access) {

        boolean matches(HttpMethod requestMethod, PathContainer path) {
            return (method == null || method.equals(requestMethod)) && parsed().matches(path);
        }

        PathPattern parsed() {
            return PathPatternParser.defaultInstance.parse(pattern);
        }
    }

    private static final HttpMethod GET = HttpMethod.GET;
    private static final HttpMethod POST = HttpMethod.POST;

    private static final List<Rule> RULES = List.of(
            // health, the sign-in page and the dashboard's static files
            new Rule(GET, "/actuator/health", Access.PUBLIC),
            new Rule(GET, "/actuator/health/**", Access.PUBLIC),
            new Rule(null, "/login", Access.PUBLIC),
            new Rule(null, "/error", Access.PUBLIC),
            new Rule(null, "/denied", Access.PUBLIC),
            new Rule(GET, "/dashboard/**", Access.PUBLIC),
            new Rule(GET, "/webjars/**", Access.PUBLIC),
            new Rule(GET, "/favicon.ico", Access.PUBLIC),
            // ingest: the collector checks the write key itself
            new Rule(POST, "/v1/**", Access.WRITE_KEY),
            new Rule(POST, "/api/v1/events", Access.WRITE_KEY),
            // event warehouse: single events are customer-level, counts are aggregates
            new Rule(GET, "/api/v1/events/counts", Access.role(VIEWER)),
            new Rule(GET, "/api/v1/events", Access.role(ANALYST)),
            // KPIs (analytics and sentiment) are aggregates
            new Rule(GET, "/api/v1/kpis/**", Access.role(VIEWER)),
            // rebuilds, users, write keys, settings
            new Rule(null, "/api/v1/admin/**", Access.role(ADMIN)),
            // models: the fit is an aggregate; the at-risk list names customers; refitting is an admin task
            new Rule(POST, "/api/v1/models/churn/refit", Access.role(ADMIN)),
            new Rule(GET, "/api/v1/models/churn/at-risk", Access.role(ANALYST)),
            new Rule(GET, "/api/v1/models/**", Access.role(VIEWER)),
            // product-level recommendations are aggregates; everything per customer is customer-level
            new Rule(GET, "/api/v1/products/**", Access.role(VIEWER)),
            new Rule(GET, "/api/v1/customers", Access.role(ANALYST)),
            new Rule(GET, "/api/v1/customers/**", Access.role(ANALYST)),
            // scoring free text is a tool for people who read customers' texts
            new Rule(POST, "/api/v1/sentiment", Access.role(ANALYST)),
            // the gateway's own API: who am I, my API tokens, pipeline health (no event content)
            new Rule(GET, "/api/v1/me", Access.SIGNED_IN),
            new Rule(null, "/api/v1/tokens", Access.SIGNED_IN),
            new Rule(null, "/api/v1/tokens/**", Access.SIGNED_IN),
            new Rule(GET, "/api/v1/pipeline/health", Access.role(VIEWER)),
            // OpenAPI, Swagger UI and the operational endpoints are for admins
            new Rule(GET, "/v3/api-docs", Access.role(ADMIN)),
            new Rule(GET, "/v3/api-docs/**", Access.role(ADMIN)),
            new Rule(GET, "/v3/api-docs.yaml", Access.role(ADMIN)),
            new Rule(GET, "/swagger-ui.html", Access.role(ADMIN)),
            new Rule(GET, "/swagger-ui/**", Access.role(ADMIN)),
            new Rule(null, "/actuator/**", Access.role(ADMIN)),
            // dashboard pages
            new Rule(POST, "/logout", Access.SIGNED_IN),
            new Rule(GET, "/", Access.role(VIEWER)),
            new Rule(GET, "/retention", Access.role(VIEWER)),
            new Rule(GET, "/experience", Access.role(VIEWER)),
            new Rule(GET, "/models", Access.role(VIEWER)),
            new Rule(GET, "/pipeline", Access.role(VIEWER)),
            new Rule(GET, "/account", Access.SIGNED_IN),
            new Rule(GET, "/customers", Access.role(ANALYST)),
            new Rule(GET, "/customers/*", Access.role(ANALYST)),
            new Rule(GET, "/admin", Access.role(ADMIN)));

    private AccessRules() {
    }

    public static List<Rule> rules() {
        return RULES;
    }

    /** The rule that applies to a request, or empty when none does (the request is then denied). */
    public static Optional<Rule> ruleFor(HttpMethod method, String path) {
        PathContainer container = PathContainer.parsePath(path);
        return RULES.stream().filter(rule -> rule.matches(method, container)).findFirst();
    }
}
