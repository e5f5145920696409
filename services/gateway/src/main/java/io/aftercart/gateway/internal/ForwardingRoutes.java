package io.aftercart.gateway.internal;

import static org.springframework.cloud.gateway.server.mvc.filter.BeforeFilterFunctions.addRequestHeader;
import static org.springframework.cloud.gateway.server.mvc.filter.BeforeFilterFunctions.removeRequestHeader;
import static org.springframework.cloud.gateway.server.mvc.filter.BeforeFilterFunctions.uri;
import static org.springframework.cloud.gateway.server.mvc.handler.GatewayRouterFunctions.route;
import static org.springframework.cloud.gateway.server.mvc.handler.HandlerFunctions.http;

import io.aftercart.gateway.ServiceRoutes;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.web.servlet.function.RequestPredicate;
import org.springframework.web.servlet.function.RequestPredicates;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * Distributed mode: forwards the paths of services that run elsewhere to their configured base URLs with Spring Cloud
 * Gateway (server-webmvc), after this process has authenticated and authorised the request. The forwarded request
 * carries the gateway's shared secret (if configured) and the request id; a client's own copy of the secret header
 * is dropped first.
 */
public final class ForwardingRoutes {

    public static final String SECRET_HEADER = "X-Aftercart-Gateway";

    private ForwardingRoutes() {
    }

    /** Null when there is nothing to forward. */
    public static RouterFunction<ServerResponse> build(List<ServiceRoutes.Route> routes, Map<String, URI> targets,
            String forwardSecret) {
        RouterFunction<ServerResponse> all = null;
        for (ServiceRoutes.Route route : routes) {
            RequestPredicate predicate = route.method() == null
                    ? RequestPredicates.path(route.pattern())
                    : RequestPredicates.method(route.method()).and(RequestPredicates.path(route.pattern()));
            RouterFunctions.Builder builder = route(route.service() + ":" + route.pattern())
                    .route(predicate, http())
                    .before(removeRequestHeader(SECRET_HEADER))
                    .before(uri(targets.get(route.service())));
            if (forwardSecret != null && !forwardSecret.isBlank()) {
                builder = builder.before(addRequestHeader(SECRET_HEADER, forwardSecret));
            }
            all = all == null ? builder.build() : all.and(builder.build());
        }
        return all;
    }
}
