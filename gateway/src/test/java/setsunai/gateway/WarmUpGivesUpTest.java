package setsunai.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * With both services unreachable the warm-up never completes a round, and the gateway is ready anyway once
 * setsunai.gateway.warm-up.max-wait has passed: an outage downstream must give fast 503s, not a gateway that is never
 * ready (an orchestrator would then send its callers nowhere at all).
 */
@QuarkusTest
@TestProfile(WarmUpGivesUpTest.ServicesDown.class)
class WarmUpGivesUpTest {

    public static class ServicesDown implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // Port 9 (discard) is closed on a test machine: every call is refused at once.
            return Map.of("setsunai.gateway.warm-up.enabled", "true", "setsunai.gateway.warm-up.max-wait", "2S",
                    "setsunai.catalog.url", "http://127.0.0.1:9", "setsunai.songs.url", "http://127.0.0.1:9");
        }
    }

    @Test
    void readyAfterItsMaximumWaitWhenTheServicesAreDown() {
        GatewayTestBase.awaitUntil("the gateway ready", () -> given().get("/q/health/ready").statusCode() == 200);

        given().get("/api/recommendations?mood=heartbroken").then().statusCode(503);
        given().get("/q/health/ready").then().body("checks.find { it.name == 'warm-up' }.status", is("UP"));
    }
}
