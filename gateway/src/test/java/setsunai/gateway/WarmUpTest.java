package setsunai.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static setsunai.gateway.GatewayTestBase.page;
import static setsunai.gateway.GatewayTestBase.song;
import static setsunai.gateway.GatewayTestBase.title;
import static setsunai.gateway.GatewayTestBase.usage;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The gateway answers a caller's first requests once before it says it is ready (health.WarmUp): readiness comes
 * after its own recommendation, title and song requests reached the services. Stubbed services that answer well
 * from the start (stubs made before the application starts), and the warm-up on, as in production.
 */
@QuarkusTest
@WithTestResource(WarmUpTest.ServicesUpFromTheStart.class)
@TestProfile(WarmUpTest.WarmUpOn.class)
class WarmUpTest {

    public static class WarmUpOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("setsunai.gateway.warm-up.enabled", "true", "setsunai.gateway.warm-up.max-wait", "5M");
        }
    }

    /** A WireMock whose stubs exist before the gateway starts, so the warm-up meets good answers. */
    public static class ServicesUpFromTheStart extends WireMockServices {
        @Override
        protected void stubBeforeTheGatewayStarts(WireMockServer server) {
            String warm = title("warm", "Warm", "TV", "BITTERSWEET", 5, "first-love", "coming-of-age");
            String warmSong = song("warm-song", "Warm Song", "LONGING", usage("warm", "Warm", "OPENING", 1));
            server.stubFor(get(urlPathEqualTo("/api/titles")).willReturn(okJson(page(warm))));
            server.stubFor(get(urlPathEqualTo("/api/titles/warm")).willReturn(okJson(warm)));
            server.stubFor(get(urlPathEqualTo("/api/titles/warm/similar")).willReturn(okJson(page())));
            server.stubFor(get(urlPathEqualTo("/api/songs")).willReturn(okJson(page(warmSong))));
            server.stubFor(get(urlPathEqualTo("/api/songs/warm-song")).willReturn(okJson(warmSong)));
        }
    }

    WireMockServer wireMock;

    @Test
    void readyOnlyOnceItHasAnsweredARecommendationATitleAndASongItself() {
        GatewayTestBase.awaitUntil("the gateway ready", () -> given().get("/q/health/ready").statusCode() == 200);

        given().get("/q/health/ready").then().body("checks.name", hasItem("warm-up"));
        // What the warm-up asked itself reached the services: the mood's candidates, the title it found, its song.
        assertFalse(wireMock.findAll(getRequestedFor(urlPathEqualTo("/api/titles"))).isEmpty(), "candidates asked");
        assertFalse(wireMock.findAll(getRequestedFor(urlPathEqualTo("/api/titles/warm"))).isEmpty(), "title asked");
        assertFalse(wireMock.findAll(getRequestedFor(urlPathEqualTo("/api/songs/warm-song"))).isEmpty(), "song asked");
    }
}
