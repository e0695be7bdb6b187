package setsunai.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.matching.StringValuePattern;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.cache.CacheManager;
import io.restassured.RestAssured;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.BeforeEach;

/** Every test starts with no stubs, closed circuit breakers and empty caches, so tests never see each other. */
abstract class GatewayTestBase {

    WireMockServer wireMock;

    @Inject
    CircuitBreakerMaintenance breakers;

    @Inject
    CacheManager caches;

    @Inject
    MeterRegistry metrics;

    /**
     * The delay of a stub standing in for a hung service: longer than the deadline of the test profile
     * (quarkus.fault-tolerance.global.timeout.value) and shorter than its read timeout, so only the deadline ends it.
     * Give it a good late answer (an empty page): the call then ends at once, with nothing to retry.
     */
    static final int HUNG_MILLIS = 2000;

    /** How long a test waits for an outcome that comes after a delay: a bound, not an expectation. */
    static final Duration PATIENCE = Duration.ofSeconds(15);

    /**
     * One warm-up per JVM: the first composite request of a fresh JVM pays for class loading and JIT, which on the
     * shared 2-core machine took longer than the test deadline (all three calls of a title timed out together in the
     * first test). In production the gateway warms itself up before it is ready (health.WarmUp); in tests that is off
     * (it would race with each test's stubs and request counts; WarmUpTest covers it), so this does the same here,
     * against stubs made for it. What it asks is ignored.
     */
    private static boolean warm;

    @BeforeEach
    void resetWorld() {
        if (!warm) {
            warm = true;
            stubJson(titlesApi(), page(title("warm", "Warm", "TV", "HOPEFUL", 5, "redemption")));
            stubJson(songsApi(), page(song("warm-song", "Warm", "HOPE", usage("warm", "Warm", "OPENING", 1))));
            wireMock.stubFor(get(urlPathEqualTo("/api/titles/warm")).willReturn(okJson(title("warm", "Warm", "TV", "HOPEFUL", 5))));
            wireMock.stubFor(get(urlPathEqualTo("/api/songs/warm-song")).willReturn(okJson(
                    song("warm-song", "Warm", "HOPE", usage("warm", "Warm", "OPENING", 1)))));
            for (String path : List.of("/api/recommendations?mood=healing", "/api/titles/warm",
                    "/api/songs/warm-song", "/api/playlists/healing", "/api/consistency", "/api/titles/nope")) {
                RestAssured.get(path);
                RestAssured.get(path);
            }
        }
        wireMock.resetAll();
        breakers.resetAll();
        caches.getCacheNames().forEach(name -> caches.getCache(name).orElseThrow().invalidateAll().await().indefinitely());
    }

    /**
     * Polls until the condition holds, for an outcome that comes after a delay the test profile keeps short (a
     * breaker's delay, a hung call ending): the test neither sleeps longer than needed nor depends on how long it is.
     * Fails after {@link #PATIENCE}.
     */
    static void awaitUntil(String what, BooleanSupplier condition) {
        long giveUp = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > giveUp) {
                throw new AssertionError("not within " + PATIENCE.toSeconds() + " s: " + what);
            }
            pause();
        }
    }

    /**
     * How many calls of a client method (e.g. {@code SongsClient.songsOfTitles}) have finished, retries and all, as
     * fault tolerance counts them. A caller's deadline does not stop the call it gave up on (nor, in production, its
     * retries); a test that hangs a stub waits for this to grow, so that its late call ends before the next test
     * and reaches none of that test's stubs, breakers or caches.
     */
    double finishedCalls(String clientMethod) {
        return metrics.find("ft.invocations.total").tag("method", "setsunai.gateway.client." + clientMethod)
                .counters().stream().mapToDouble(Counter::count).sum();
    }

    /** Waits until one more call of the client method than {@code before} has finished (see {@link #finishedCalls}). */
    void awaitFinished(String clientMethod, double before) {
        awaitUntil(clientMethod + " to finish", () -> finishedCalls(clientMethod) > before);
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting", e);
        }
    }

    static String page(String... items) {
        return "{\"items\": [" + String.join(",", items) + "], \"page\": 1, \"size\": 100, \"totalItems\": "
                + items.length + ", \"totalPages\": 1}";
    }

    static String title(String slug, String name, String format, String ending, int tearjerker, String... tags) {
        return """
                {"slug": "%s", "title": "%s", "format": "%s", "ending": "%s", "tearjerker": %d, "tags": [%s],
                 "year": 2007, "studios": ["Studio"], "somethingNew": {"ignored": true}, "version": 3}
                """.formatted(slug, name, format, ending, tearjerker, quoted(tags));
    }

    static String song(String slug, String name, String moods, String usages) {
        return """
                {"slug": "%s", "title": "%s", "artists": [{"name": "Singer of %s", "slug": "s", "role": "PERFORMER"},
                 {"name": "Composer", "slug": "c", "role": "COMPOSER"}], "year": 2010, "moods": [%s],
                 "usages": [%s], "extra": 1, "version": 1}
                """.formatted(slug, name, name, quoted(moods.isEmpty() ? new String[0] : moods.split(",")), usages);
    }

    static String usage(String titleSlug, String titleName, String role, Integer sequence) {
        return """
                {"titleSlug": "%s", "titleName": "%s", "role": "%s", "sequence": %s}
                """.formatted(titleSlug, titleName, role, sequence);
    }

    /** WireMock's equalTo, named apart from Hamcrest's. */
    static StringValuePattern is(String value) {
        return WireMock.equalTo(value);
    }

    static MappingBuilder songsApi() {
        return get(urlPathEqualTo("/api/songs"));
    }

    static MappingBuilder titlesApi() {
        return get(urlPathEqualTo("/api/titles"));
    }

    void stubJson(MappingBuilder request, String json) {
        wireMock.stubFor(request.willReturn(okJson(json)));
    }

    private static String quoted(String... values) {
        StringBuilder out = new StringBuilder();
        for (String v : values) {
            out.append(out.isEmpty() ? "" : ", ").append('"').append(v).append('"');
        }
        return out.toString();
    }
}
