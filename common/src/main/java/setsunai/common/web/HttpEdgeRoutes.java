package setsunai.common.web;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.CharacterCodingException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import setsunai.common.problem.Problem;

/**
 * Checks what every request carries before any route reads it, and answers each mistake as problem+json:
 * a missing Host (HTTP/1.0), an over-long URL or header block, a request target that is not strict UTF-8 or holds
 * control characters (NUL reaches PostgreSQL otherwise), and a chunked body over the size limit.
 * <p>
 * Netty's own limits (quarkus.http.limits.max-initial-line-length, max-header-size) are set above the ones here so
 * that the usual oversize request gets a readable answer; past Netty's limits, and for a request line Netty cannot
 * parse, Vert.x answers itself (an empty 400/414/431) and Quarkus offers no hook to change that.
 */
@ApplicationScoped
public class HttpEdgeRoutes {


    @ConfigProperty(name = "setsunai.http.max-url-length", defaultValue = "4096")
    int maxUrlLength;

    @ConfigProperty(name = "setsunai.http.max-header-size", defaultValue = "20K")
    MemorySize maxHeaderSize;

    @ConfigProperty(name = "quarkus.http.limits.max-body-size")
    Optional<MemorySize> maxBodySize;

    void register(@Observes Router router) {
        // Before FallbackRoutes (-3) and Quarkus' own body handling (-2).
        router.route().order(-5).handler(this::check);
        // Vert.x Web fails a request it cannot route (OPTIONS *: no leading '/') with a bare status, which Quarkus'
        // failure handler ends with an empty body; 413 is FallbackRoutes'.
        router.route().order(Integer.MIN_VALUE + 1).failureHandler(ctx -> {
            int status = ctx.statusCode();
            if (!ctx.response().headWritten() && status == 400 && ctx.request().authority() == null) {
                // HTTP/1.1 without Host: Vert.x Web fails the request before any route, with an exception that
                // Quarkus would show (class name and stack) as plain JSON.
                send(ctx, 400, "Host", "is required: send a Host header (HTTP/1.0 requests too)");
            } else if (ctx.response().headWritten() || ctx.failure() != null || status < 400 || status >= 500 || status == 413) {
                ctx.next();
            } else if (status == 404) {
                send(ctx, 404, "url", "'" + printable(ctx.request().uri()) + "' is not served; see /q/swagger-ui for "
                        + "the available endpoints");
            } else {
                send(ctx, status, "url", "could not be served as sent");
            }
        });
        // Vert.x Web fails a request before any route when it cannot normalise its path (a broken %-escape) or has no
        // route for its target (OPTIONS *); without these it answers "Bad Request" as text or an empty 404.
        router.errorHandler(400, ctx -> send(ctx, 400, "url", "is not a valid request target (check its %-escapes)"));
        router.errorHandler(404, ctx -> send(ctx, 404, "url", "'" + printable(ctx.request().uri())
                + "' is not served; see /q/swagger-ui for the available endpoints"));
    }

    private void check(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        if (request.authority() == null) {
            send(ctx, 400, "Host", "is required: send a Host header (HTTP/1.0 requests too)");
            return;
        }
        String uri = request.uri();
        if (uri.length() > maxUrlLength) {
            send(ctx, 414, "url", "is " + uri.length() + " characters long; at most " + maxUrlLength + " are accepted");
            return;
        }
        long headerBytes = 0;
        for (Map.Entry<String, String> header : request.headers()) {
            headerBytes += header.getKey().length() + header.getValue().length() + 4;
        }
        if (headerBytes > maxHeaderSize.asLongValue()) {
            send(ctx, 431, "headers", "are " + headerBytes / 1024 + " KiB; at most "
                    + maxHeaderSize.asLongValue() / 1024 + " KiB are accepted");
            return;
        }
        if (!uri.startsWith("/")) {
            // OPTIONS * and absolute-form targets: nothing here answers them.
            send(ctx, 404, "url", "'" + printable(uri) + "' is not served; use a path such as /api/...");
            return;
        }
        try {
            // What Quarkus checks itself unless vertx.disableURIValidation (jvm.options), where it answers an empty 400.
            new URI(uri);
        } catch (URISyntaxException e) {
            send(ctx, 400, "url", "has a character that must be %-encoded"
                    + (e.getIndex() >= 0 && e.getIndex() < uri.length() ? " ('" + printable(uri.substring(e.getIndex(),
                    e.getIndex() + 1)) + "' at " + e.getIndex() + ")" : "") + ", or a broken %-escape");
            return;
        }
        List<Problem.FieldError> errors = targetErrors(uri);
        if (!errors.isEmpty()) {
            send(ctx, 400, errors);
            return;
        }
        if (maxBodySize.isPresent() && request.headers().contains("Transfer-Encoding")
                && !request.headers().contains("Content-Length")) {
            // A chunked body has no length to check up front; read it here, where going over the limit fails the
            // route with 413 (answered by FallbackRoutes) instead of the empty 413 the REST layer would send.
            BodyHandler.create(false).setBodyLimit(maxBodySize.get().asLongValue()).handle(ctx);
            return;
        }
        ctx.next();
    }

    /** Each path segment and query parameter: valid %-encoding of strict UTF-8, with no control characters. */
    private static List<Problem.FieldError> targetErrors(String uri) {
        List<Problem.FieldError> errors = new ArrayList<>();
        int question = uri.indexOf('?');
        String path = question < 0 ? uri : uri.substring(0, question);
        int hash = path.indexOf('#');
        check("path", hash < 0 ? path : path.substring(0, hash), false, errors);
        if (question >= 0) {
            String query = uri.substring(question + 1);
            int fragment = query.indexOf('#');
            for (String pair : (fragment < 0 ? query : query.substring(0, fragment)).split("&")) {
                int eq = pair.indexOf('=');
                String rawName = eq < 0 ? pair : pair.substring(0, eq);
                String name = decode(rawName, true);
                if (name == null || name.isEmpty() || Text.firstControl(name) >= 0) {
                    check("query", rawName, true, errors);
                    continue;
                }
                if (eq >= 0) {
                    check(name, pair.substring(eq + 1), true, errors);
                }
            }
        }
        return errors;
    }

    private static void check(String field, String raw, boolean form, List<Problem.FieldError> errors) {
        String value = decode(raw, form);
        if (value == null) {
            errors.add(new Problem.FieldError(field, "is not valid UTF-8 in %-encoding (overlong forms such as %C0%AF "
                    + "and stray bytes are refused)"));
        } else if (Text.firstControl(value) >= 0) {
            errors.add(new Problem.FieldError(field, "must not contain control characters, found "
                    + Text.describe(Text.firstControl(value))));
        }
    }

    /** Strict percent-decoding; null when a %-escape is broken or the bytes are not UTF-8. */
    static String decode(String raw, boolean form) {
        if (raw.indexOf('%') < 0 && (!form || raw.indexOf('+') < 0)) {
            return raw;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length()) {
                    return null;
                }
                int hi = Character.digit(raw.charAt(i + 1), 16);
                int lo = Character.digit(raw.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    return null;
                }
                bytes.write(hi << 4 | lo);
                i += 2;
            } else if (c == '+' && form) {
                bytes.write(' ');
            } else if (c < 0x80) {
                bytes.write(c);
            } else {
                // Netty hands over non-ASCII request-line bytes one char per byte.
                bytes.write(c & 0xFF);
            }
        }
        try {
            byte[] array = bytes.toByteArray();
            return Text.decodeUtf8(array, 0, array.length);
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static String printable(String uri) {
        String cut = uri.length() > 80 ? uri.substring(0, 80) + "..." : uri;
        return cut.replaceAll("[^\\x20-\\x7E]", "?");
    }

    private static void send(RoutingContext ctx, int status, String field, String message) {
        send(ctx, status, List.of(new Problem.FieldError(field, message)));
    }

    private static void send(RoutingContext ctx, int status, List<Problem.FieldError> errors) {
        RouteProblems.send(ctx, status, String.join("; ", errors.stream().map(e -> e.field() + ": " + e.message()).toList()),
                errors);
    }
}
