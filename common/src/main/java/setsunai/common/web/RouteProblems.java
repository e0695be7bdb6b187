package setsunai.common.web;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.Json;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import setsunai.common.problem.Problem;
import setsunai.common.problem.Problems;

/**
 * Answers a problem+json from a Vert.x route (the HTTP edge, rate limits, CORS, fallbacks), where no JAX-RS
 * exception mapper runs: the same body as {@link Problems#response}, written by hand.
 */
public final class RouteProblems {

    private RouteProblems() {
    }

    public static void send(RoutingContext ctx, int status, String detail) {
        send(ctx, status, detail, List.of());
    }

    public static void send(RoutingContext ctx, int status, String detail, List<Problem.FieldError> errors) {
        HttpServerRequest request = ctx.request();
        HttpServerResponse response = ctx.response();
        String path = request.path();
        Problem problem = Problems.problem(status, detail, path != null && path.startsWith("/") ? path : null, errors);
        if (hasBody(request)) {
            // The body is never read: close the connection rather than leave it in the way of the next request.
            response.putHeader("Connection", "close");
        }
        response.setStatusCode(status).putHeader("Content-Type", Problem.MEDIA_TYPE).end(Json.encode(problem));
    }

    private static boolean hasBody(HttpServerRequest request) {
        String length = request.getHeader("Content-Length");
        return request.getHeader("Transfer-Encoding") != null || length != null && !length.trim().equals("0");
    }
}
