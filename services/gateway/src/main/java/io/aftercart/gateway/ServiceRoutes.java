package io.aftercart.gateway;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpMethod;

/**
 * Which service answers which public paths, for forwarding in the distributed mode. More specific paths come first,
 * since {@code /api/v1/kpis/sentiment} belongs to intelligence while the other KPIs belong to analytics.
 */
public final class ServiceRoutes {

    /** Requests with {@code method} (null = any) and a path matching {@code pattern} go to {@code service}. */
    public record Route(String service, HttpMethod method, String pattern) {
    }

    private static final List<Route> ROUTES = List.of(
            new Route("collector", HttpMethod.POST, "/v1/**"),
            new Route("collector", HttpMethod.POST, "/api/v1/events"),
            new Route("analytics", HttpMethod.GET, "/api/v1/events"),
            new Route("analytics", HttpMethod.GET, "/api/v1/events/**"),
            new Route("intelligence", null, "/api/v1/kpis/sentiment"),
            new Route("analytics", null, "/api/v1/kpis/**"),
            new Route("analytics", null, "/api/v1/admin/kpis/**"),
            new Route("intelligence", null, "/api/v1/customers/*/predictions"),
            new Route("intelligence", null, "/api/v1/customers/*/recommendations"),
            new Route("intelligence", null, "/api/v1/models/**"),
            new Route("intelligence", null, "/api/v1/sentiment"),
            new Route("intelligence", null, "/api/v1/products/**"),
            new Route("profiles", null, "/api/v1/customers"),
            new Route("profiles", null, "/api/v1/customers/**"),
            new Route("profiles", null, "/api/v1/admin/profiles/**"));

    private ServiceRoutes() {
    }

    public static List<Route> routes() {
        return ROUTES;
    }

    /** The configured routes for services that this process does not run, in {@link #routes()} order. */
    public static List<Route> forwarded(Map<String, ?> configured, java.util.function.Predicate<String> local) {
        return ROUTES.stream().filter(r -> configured.containsKey(r.service()) && !local.test(r.service())).toList();
    }
}
