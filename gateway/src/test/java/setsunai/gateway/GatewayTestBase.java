package setsunai.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.greaterThan;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.matching.StringValuePattern;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.cache.CacheManager;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;
import java.time.Duration;
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
     */
    static final int HUNG_MILLIS = 2000;

    /** How long a test waits for an outcome that comes after a delay: a bound, not an expectation. */
    static final Duration PATIENCE = Duration.ofSeconds(15);

    @BeforeEach
    void resetWorld() {
        wireMock.resetAll();
        breakers.resetAll();
        caches.getCacheNames().forEach(name -> caches.getCache(name).orElseThrow().invalidateAll().await().indefinitely());
    }

    /**
     * Runs the assertion until it passes, for an outcome that comes after a delay the test profile keeps short (a
     * breaker's delay): polling, so the test neither sleeps longer than needed nor depends on how long it is.
     * Gives up with the last failure after {@link #PATIENCE}.
     */
    static void eventually(Runnable assertion) {
        long giveUp = System.nanoTime() + PATIENCE.toNanos();
        while (true) {
            try {
                assertion.run();
                return;
            } catch (AssertionError notYet) {
                if (System.nanoTime() > giveUp) {
                    throw notYet;
                }
                pause();
            }
        }
    }

    /**
     * How many calls of a client method (e.g. {@code SongsClient.songsOfTitles}) have finished, retries and all, as
     * fault tolerance counts them. A caller's deadline does not stop the retrying client; a test that hangs a stub
     * waits for this to grow, so that no late call of its own reaches the stubs, breakers or caches of the next test.
     */
    double finishedCalls(String clientMethod) {
        return metrics.find("ft.invocations.total").tag("method", "setsunai.gateway.client." + clientMethod)
                .counters().stream().mapToDouble(Counter::count).sum();
    }

    /** Waits until one more call of the client method than {@code before} has finished (see {@link #finishedCalls}). */
    void awaitFinished(String clientMethod, double before) {
        eventually(() -> assertThat(clientMethod + " still in flight", finishedCalls(clientMethod),
                greaterThan(before)));
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
