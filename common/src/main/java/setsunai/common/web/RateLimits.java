package setsunai.common.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Rate limits per client, one token bucket per client and kind of request (read, write, import; {@link
 * RateLimitConfig}), checked on the event loop before anything else runs: a rejected request never reaches a worker
 * thread, the database or a downstream service, so a flood costs its sender far more than it costs us.
 *
 * <p>The client is the remote address. Behind a reverse proxy, Quarkus puts the client's address from {@code
 * Forwarded}/{@code X-Forwarded-For} there when the proxy is trusted ({@code quarkus.http.proxy.*}); we never read
 * those headers ourselves, so a client cannot choose its own bucket.
 *
 * <p>Every limited response says where its client stands, as the IETF httpapi ratelimit-headers draft (-10) has it:
 * {@code RateLimit-Policy: "read";q=100;w=10} and {@code RateLimit: "read";r=57;t=4}; past the limit a 429
 * problem+json with {@code Retry-After}. Not limited: health probes and metrics ({@code /q/health}, {@code
 * /q/metrics}; the orchestrator and the scraper call them at their own fixed pace, and a probe that was refused would
 * restart a healthy service). The OpenAPI document and Swagger UI are reads like any other.
 */
@ApplicationScoped
public class RateLimits {

    /** Right after Quarkus's own header and CORS filters (order Integer.MIN_VALUE), before body handling. */
    static final int ORDER = Integer.MIN_VALUE + 20;

    enum Kind {
        READ("read"), WRITE("write"), IMPORT("import");

        final String policy;

        Kind(String policy) {
            this.policy = policy;
        }
    }

    private static final List<String> UNLIMITED = List.of("/q/health", "/q/metrics");

    @Inject
    RateLimitConfig config;


    private Cache<String, Bucket> buckets;
    private Set<String> exempt;

    void register(@Observes Router router) {
        if (!config.enabled()) {
            return;
        }
        Duration longest = Stream.of(config.read().window(), config.write().window(), config.imports().window())
                .max(Duration::compareTo).orElseThrow();
        // A bucket left alone for its whole window is full again: dropping it then loses nothing.
        buckets = Caffeine.newBuilder().maximumSize(config.maxClients()).expireAfterAccess(longest).build();
        exempt = Set.copyOf(config.exemptAddresses().orElse(List.of()));
        router.route().order(ORDER).handler(this::limit);
    }

    private void limit(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        String path = request.path();
        String client = client(request);
        if (path == null || UNLIMITED.stream().anyMatch(path::startsWith) || exempt.contains(client)) {
            ctx.next();
            return;
        }
        Kind kind = kind(request.method(), path);
        long quota = quota(kind);
        long window = window(kind).getSeconds();
        ConsumptionProbe probe = buckets.get(kind.ordinal() + client, key -> newBucket(quota, window(kind)))
                .tryConsumeAndReturnRemaining(1);
        ctx.response().putHeader("RateLimit-Policy", "\"" + kind.policy + "\";q=" + quota + ";w=" + window)
                .putHeader("RateLimit", "\"" + kind.policy + "\";r=" + probe.getRemainingTokens()
                        + ";t=" + seconds(probe.getNanosToWaitForReset()));
        if (probe.isConsumed()) {
            ctx.next();
            return;
        }
        long retryAfter = Math.max(1, seconds(probe.getNanosToWaitForRefill()));
        ctx.response().putHeader("Retry-After", Long.toString(retryAfter));
        RouteProblems.send(ctx, 429, "Too many " + kind.policy + " requests from your address: at most "
                + quota + " per " + window + " s. Try again in " + retryAfter + " s.");
    }

    static Kind kind(HttpMethod method, String path) {
        if (method == HttpMethod.GET || method == HttpMethod.HEAD || method == HttpMethod.OPTIONS) {
            return Kind.READ;
        }
        return method == HttpMethod.POST && path.endsWith("/import") ? Kind.IMPORT : Kind.WRITE;
    }

    private static String client(HttpServerRequest request) {
        SocketAddress remote = request.remoteAddress();
        String address = remote == null ? null : remote.hostAddress();
        return address == null ? "unknown" : address;
    }

    private long quota(Kind kind) {
        return switch (kind) {
            case READ -> config.read().requests();
            case WRITE -> config.write().requests();
            case IMPORT -> config.imports().requests();
        };
    }

    private Duration window(Kind kind) {
        return switch (kind) {
            case READ -> config.read().window();
            case WRITE -> config.write().window();
            case IMPORT -> config.imports().window();
        };
    }

    /** The whole quota comes back at the end of each window (not token by token): what the headers can say exactly. */
    private static Bucket newBucket(long quota, Duration window) {
        return Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(quota).refillIntervally(quota, window).build())
                .build();
    }

    private static long seconds(long nanos) {
        return (nanos + 999_999_999L) / 1_000_000_000L;
    }
}
