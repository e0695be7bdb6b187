package setsunai.catalog;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import setsunai.testsupport.Tokens;

/**
 * Rate limits per client (issue 10, item 8), with small budgets and windows long enough (10 min) that no budget
 * comes back during a test. Clients are told apart by X-Forwarded-For, trusted here from 127.0.0.1 only.
 */
@QuarkusTest
@TestProfile(RateLimitTest.SmallBudgets.class)
class RateLimitTest {

    public static class SmallBudgets implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.ofEntries(
                    Map.entry("setsunai.rate-limit.enabled", "true"),
                    Map.entry("setsunai.rate-limit.read.requests", "20"),
                    Map.entry("setsunai.rate-limit.read.window", "10M"),
                    Map.entry("setsunai.rate-limit.write.requests", "3"),
                    Map.entry("setsunai.rate-limit.write.window", "10M"),
                    Map.entry("setsunai.rate-limit.import.requests", "2"),
                    Map.entry("setsunai.rate-limit.import.window", "10M"),
                    Map.entry("quarkus.http.proxy.proxy-address-forwarding", "true"),
                    Map.entry("quarkus.http.proxy.allow-x-forwarded", "true"),
                    Map.entry("quarkus.http.proxy.trusted-proxies", "127.0.0.1"));
        }
    }

    static final String TITLE = "/api/titles/5-centimeters-per-second";

    @TestHTTPResource("/")
    URL base;

    @Test
    void aFloodingClientGets429sWhileAnotherClientIsServed() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<HttpResponse<String>>> flood = new ArrayList<>();
        try {
            // Ten times its budget of 20, eight at a time, while a second client reads at a normal pace.
            for (int i = 0; i < 200; i++) {
                flood.add(pool.submit(() -> http.send(get(TITLE, "203.0.113.1"), HttpResponse.BodyHandlers.ofString())));
            }
            for (int i = 0; i < 10; i++) {
                HttpResponse<String> other = http.send(get(TITLE, "203.0.113.2"), HttpResponse.BodyHandlers.ofString());
                assertEquals(200, other.statusCode(), other.body());
                assertEquals("\"read\";q=20;w=600", other.headers().firstValue("RateLimit-Policy").orElse(null));
                assertTrue(other.headers().firstValue("RateLimit").orElse("").startsWith("\"read\";r=" + (19 - i) + ";t="));
            }
            int ok = 0;
            int limited = 0;
            for (Future<HttpResponse<String>> f : flood) {
                HttpResponse<String> response = f.get();
                if (response.statusCode() == 200) {
                    ok++;
                } else {
                    assertEquals(429, response.statusCode(), response.body());
                    assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse(null));
                    assertTrue(Long.parseLong(response.headers().firstValue("Retry-After").orElseThrow()) > 0);
                    limited++;
                }
            }
            assertEquals(20, ok);
            assertEquals(180, limited);
        } finally {
            pool.shutdownNow();
        }
        given().header("X-Forwarded-For", "203.0.113.1").get(TITLE)
                .then().statusCode(429).contentType("application/problem+json")
                .header("Retry-After", matchesPattern("[1-9][0-9]*"))
                .header("RateLimit-Policy", "\"read\";q=20;w=600")
                .header("RateLimit", matchesPattern("\"read\";r=0;t=[1-9][0-9]*"))
                .header("X-Content-Type-Options", "nosniff")
                .body("status", equalTo(429)).body("title", equalTo("Too Many Requests"))
                .body("instance", equalTo(TITLE)).body("detail", matchesPattern("Too many read requests.*"));
        // Probes are never limited, not even for a client over its budget.
        given().header("X-Forwarded-For", "203.0.113.1").get("/q/health/ready")
                .then().statusCode(200).header("RateLimit", nullValue());
    }

    @Test
    void errorsCarryTheHeadersToo() {
        given().header("X-Forwarded-For", "203.0.113.5").get("/api/titles/no-such-title")
                .then().statusCode(404).contentType("application/problem+json")
                .header("RateLimit-Policy", "\"read\";q=20;w=600")
                .header("RateLimit", matchesPattern("\"read\";r=19;t=[0-9]+"));
        given().header("X-Forwarded-For", "203.0.113.5").get("/nothing/here")
                .then().statusCode(404).header("RateLimit", matchesPattern("\"read\";r=18;t=[0-9]+"));
    }

    @Test
    void writesAndImportsHaveTheirOwnBudgets() {
        String client = "203.0.113.3";
        for (int i = 0; i < 3; i++) {
            given().header("X-Forwarded-For", client).contentType("application/json").body("{}").post("/api/titles")
                    .then().statusCode(401)
                    .header("RateLimit-Policy", "\"write\";q=3;w=600")
                    .header("RateLimit", matchesPattern("\"write\";r=" + (2 - i) + ";t=[0-9]+"));
        }
        given().header("X-Forwarded-For", client).contentType("application/json").body("{}").post("/api/titles")
                .then().statusCode(429).contentType("application/problem+json")
                .body("detail", matchesPattern("Too many write requests.*"));
        given().header("X-Forwarded-For", client).delete("/api/titles/nana").then().statusCode(429);
        // Reads and imports still have all of theirs.
        given().header("X-Forwarded-For", client).get(TITLE).then().statusCode(200)
                .header("RateLimit", matchesPattern("\"read\";r=19;t=[0-9]+"));
        for (int i = 0; i < 2; i++) {
            given().header("X-Forwarded-For", client).contentType("application/x-ndjson").body("{}\n".getBytes(java.nio.charset.StandardCharsets.UTF_8))
                    .post("/api/titles/import").then().statusCode(401)
                    .header("RateLimit-Policy", "\"import\";q=2;w=600");
        }
        given().header("X-Forwarded-For", client).contentType("application/x-ndjson").body("{}\n".getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post("/api/titles/import").then().statusCode(429).contentType("application/problem+json")
                .body("detail", matchesPattern("Too many import requests.*"));
    }

    @Test
    void aRefusedWriteIsNeverCarriedOut() {
        String client = "203.0.113.4";
        for (int i = 0; i < 3; i++) {
            given().header("X-Forwarded-For", client).contentType("application/json").body("{}").post("/api/titles")
                    .then().statusCode(401);
        }
        given().header("X-Forwarded-For", client).auth().oauth2(Tokens.editor()).contentType("application/json")
                .body("""
                        {"slug": "zz-rate-limited", "title": "Rate Limited", "format": "TV", "year": 2020,
                         "studios": ["S"], "synopsis": "Too many.", "tags": ["grief"], "ending": "OPEN",
                         "tearjerker": 5, "streaming": [], "externalIds": {}}""")
                .post("/api/titles").then().statusCode(429);
        given().get("/api/titles/zz-rate-limited").then().statusCode(404);
    }

    private HttpRequest get(String path, String client) {
        return HttpRequest.newBuilder(URI.create(base.toString()).resolve(path)).header("X-Forwarded-For", client).GET()
                .build();
    }
}
