package setsunai.common.web;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import io.quarkus.runtime.configuration.MemorySize;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Answers what never reaches a JAX-RS resource in problem+json too: unknown paths (404) and
 * bodies over quarkus.http.limits.max-body-size (413).
 */
@ApplicationScoped
public class FallbackRoutes {

    @ConfigProperty(name = "quarkus.http.limits.max-body-size")
    Optional<MemorySize> maxBodySize;

    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).failureHandler(this::failure);
        // Quarkus answers an announced oversized body itself (order -2) with an empty 413; answer first, as a problem.
        maxBodySize.ifPresent(limit -> router.route().order(-3).handler(ctx -> {
            if (declaredLength(ctx) > limit.asLongValue()) {
                send(ctx, 413, "The request body is too large (over " + limit.asLongValue() / 1024
                        + " KiB); split it into smaller requests.");
            } else {
                ctx.next();
            }
        }));
        router.route().last().handler(ctx -> send(ctx, 404,
                "Nothing here: " + ctx.request().path() + ". See /q/swagger-ui for the available endpoints."));
    }

    private void failure(RoutingContext ctx) {
        if (ctx.statusCode() == 413 && !ctx.response().headWritten()) {
            send(ctx, 413, "The request body is too large; split it into smaller requests.");
        } else {
            ctx.next();
        }
    }

    private static long declaredLength(RoutingContext ctx) {
        String length = ctx.request().getHeader("Content-Length");
        try {
            return length == null ? -1 : Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static void send(RoutingContext ctx, int status, String detail) {
        RouteProblems.send(ctx, status, detail);
    }
}
