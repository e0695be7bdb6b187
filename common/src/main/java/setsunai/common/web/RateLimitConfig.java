package setsunai.common.web;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Rate limits per client (see {@link RateLimits}): each client (its remote address, see README "Rate limits and
 * CORS") may send {@code requests} reads, writes and imports per {@code window}, each class with its own budget.
 *
 * <p>The defaults are for a public edge on a 2-core host and meant never to meet a normal client: a person in a
 * browser sends a handful of requests per page and a well-behaved script one at a time, while a flood sends hundreds
 * per second. The gateway's title detail saturates at about 65 req/s on 2 cores (bench/RESULTS.md), so one client
 * held to 10 reads/s on average takes at most a sixth of it, and a rejected request costs next to nothing.
 */
@ConfigMapping(prefix = "setsunai.rate-limit")
public interface RateLimitConfig {

    /** Off for benchmarks (SETSUNAI_RATE_LIMIT_ENABLED=false, bench/run.sh) and in the %test profile. */
    @WithDefault("true")
    boolean enabled();

    /** GET, HEAD and OPTIONS: 100 per 10 s (10/s on average, bursts of a page's worth of requests pass). */
    Read read();

    /** POST, PUT, DELETE, PATCH: an editor saves at most one change every few seconds. */
    Write write();

    /** POST .../import: each is up to the body limit (2 MB) of upserts, the heaviest request there is. */
    @WithName("import")
    Import imports();

    /**
     * How many clients' buckets are kept (least recently used dropped first), so that a million addresses cannot
     * exhaust the memory: a bucket is about 200 bytes, 20,000 of them about 4 MB.
     */
    @WithDefault("20000")
    int maxClients();

    /**
     * Addresses never limited: e.g. the gateway's, in front of catalog-service and songs-service, where it is one
     * client standing for all of its own (already limited) clients.
     */
    Optional<List<String>> exemptAddresses();

    interface Read {
        @WithDefault("100")
        long requests();

        @WithDefault("10S")
        Duration window();
    }

    interface Write {
        @WithDefault("30")
        long requests();

        @WithDefault("10S")
        Duration window();
    }

    interface Import {
        @WithDefault("10")
        long requests();

        @WithDefault("60S")
        Duration window();
    }
}
