package setsunai.common.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import setsunai.common.problem.Problem;
import setsunai.common.problem.Problems;

/**
 * Answers what never reaches a JAX-RS resource in problem+json too: unknown paths (404) and
 * bodies over quarkus.http.limits.max-body-size (413).
 */
@ApplicationScoped
public class FallbackRoutes {

    @Inject
    ObjectMapper mapper;

    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).failureHandler(this::failure);
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

    private void send(RoutingContext ctx, int status, String detail) {
        Problem problem = Problems.problem(status, detail, ctx.request().path(), List.of());
        try {
            ctx.response().setStatusCode(status)
                    .putHeader("Content-Type", Problem.MEDIA_TYPE)
                    .end(mapper.writeValueAsString(problem));
        } catch (Exception e) {
            ctx.response().setStatusCode(status).end();
        }
    }
}
