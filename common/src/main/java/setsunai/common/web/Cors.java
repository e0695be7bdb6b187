package setsunai.common.web;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * CORS: reads (GET, HEAD) from any origin, since they are public; writes (POST, PUT, DELETE, PATCH and their
 * preflights) only from the page's own origin and the origins in {@code setsunai.cors.write-origins} (none by
 * default). Quarkus's CORS filter has one list of origins for all methods, hence this small handler.
 *
 * <p>A write from another origin is refused with a 403 problem+json before it runs: a browser would hide the answer
 * from the page, but a form-like POST would still have been carried out.
 */
@ApplicationScoped
public class Cors {

    /** Before the rate limits (a refused origin costs nothing), and the preflight answer after them. */
    static final int ORDER = RateLimits.ORDER - 10;
    static final int PREFLIGHT_ORDER = RateLimits.ORDER + 10;
    private static final String PREFLIGHT = "setsunai.cors.preflight";

    private static final String EXPOSED = "ETag, Location, Link, Retry-After, RateLimit, RateLimit-Policy, "
            + "Content-Location, X-Request-Id";
    private static final Set<String> READS = Set.of("GET", "HEAD");


    @ConfigProperty(name = "setsunai.cors.write-origins")
    Optional<List<String>> writeOrigins;

    private Set<String> writers;

    void register(@Observes Router router) {
        writers = Set.copyOf(writeOrigins.orElse(List.of()).stream().map(Cors::trimSlash).toList());
        router.route().order(ORDER).handler(this::cors);
        router.route().order(PREFLIGHT_ORDER).handler(ctx -> {
            if (ctx.get(PREFLIGHT) != null) {
                ctx.response().setStatusCode(204).end();
            } else {
                ctx.next();
            }
        });
    }

    private void cors(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        String origin = request.getHeader("Origin");
        if (origin == null) {
            ctx.next();
            return;
        }
        HttpServerResponse response = ctx.response();
        response.headers().add("Vary", "Origin");
        String preflight = request.method() == HttpMethod.OPTIONS ? request.getHeader("Access-Control-Request-Method") : null;
        boolean read = preflight != null ? READS.contains(preflight.trim().toUpperCase(Locale.ROOT))
                : READS.contains(request.method().name()) || request.method() == HttpMethod.OPTIONS;
        boolean allowed = read || mayWrite(origin, request);
        if (!allowed) {
            refuse(ctx, origin);
            return;
        }
        // Reads need no credentials (they are public), so any origin may read, and the answer says "*".
        response.putHeader("Access-Control-Allow-Origin", read ? "*" : origin);
        if (preflight == null) {
            response.putHeader("Access-Control-Expose-Headers", EXPOSED);
            ctx.next();
            return;
        }
        String headers = request.getHeader("Access-Control-Request-Headers");
        response.putHeader("Access-Control-Allow-Methods", read ? "GET, HEAD" : "GET, HEAD, POST, PUT, DELETE, PATCH")
                .putHeader("Access-Control-Max-Age", "600");
        if (headers != null && !headers.isBlank()) {
            response.putHeader("Access-Control-Allow-Headers", headers);
        }
        // Answered after the rate limits, so that a preflight counts as a read and says so too.
        ctx.put(PREFLIGHT, Boolean.TRUE);
        ctx.next();
    }

    private boolean mayWrite(String origin, HttpServerRequest request) {
        String host = request.getHeader("Host");
        return writers.contains(trimSlash(origin))
                || host != null && trimSlash(origin).equalsIgnoreCase(request.scheme() + "://" + host);
    }

    private static void refuse(RoutingContext ctx, String origin) {
        RouteProblems.send(ctx, 403, "Writes are not allowed from the origin " + origin
                + "; the service accepts them from the origins in setsunai.cors.write-origins.");
    }

    private static String trimSlash(String origin) {
        String trimmed = origin.trim();
        return trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
    }
}
