package setsunai.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.matching.StringValuePattern;
import io.quarkus.cache.CacheManager;
import io.restassured.RestAssured;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;

/** Every test starts with no stubs, closed circuit breakers and empty caches, so tests never see each other. */
abstract class GatewayTestBase {

    WireMockServer wireMock;

    @Inject
    CircuitBreakerMaintenance breakers;

    @Inject
    CacheManager caches;

    /** One warm-up per JVM: the first requests pay for class loading and JIT, which on a busy machine exceeds deadlines. */
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
     * How long the second of two identical calls takes, in ms: the first pays for class loading and JIT on a busy
     * machine, the second shows the deadline the gateway keeps. Breakers are reset in between.
     */
    long millisOfSecondCall(Runnable call) {
        call.run();
        breakers.resetAll();
        long start = System.nanoTime();
        call.run();
        return (System.nanoTime() - start) / 1_000_000;
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
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
