package setsunai.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
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

/**
 * Rate limits per client at the gateway (issue 10, item 8): one client flooding it gets 429s, and no other client
 * notices. Small budgets, a window long enough (10 min) that nothing comes back during the test; clients told apart
 * by X-Forwarded-For, trusted from 127.0.0.1 only. Latency under the flood is measured in bench/ (RateLimitCheck).
 */
@QuarkusTest
@WithTestResource(WireMockServices.class)
@TestProfile(RateLimitTest.SmallBudgets.class)
class RateLimitTest {

    public static class SmallBudgets implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "setsunai.rate-limit.enabled", "true",
                    "setsunai.rate-limit.read.requests", "30",
                    "setsunai.rate-limit.read.window", "10M",
                    "quarkus.http.proxy.proxy-address-forwarding", "true",
                    "quarkus.http.proxy.allow-x-forwarded", "true",
                    "quarkus.http.proxy.trusted-proxies", "127.0.0.1",
                    "setsunai.rate-limit.exempt-addresses", "198.51.100.9");
        }
    }

    @TestHTTPResource("/")
    URL base;

    @Test
    void aFloodingClientGets429sWhileAnotherClientIsServed() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<HttpResponse<String>>> flood = new ArrayList<>();
        try {
            for (int i = 0; i < 300; i++) {
                flood.add(pool.submit(() -> http.send(get("/api/moods", "198.51.100.1"), HttpResponse.BodyHandlers.ofString())));
            }
            for (int i = 0; i < 15; i++) {
                HttpResponse<String> other = http.send(get("/api/moods", "198.51.100.2"), HttpResponse.BodyHandlers.ofString());
                assertEquals(200, other.statusCode(), other.body());
                assertEquals("\"read\";q=30;w=600", other.headers().firstValue("RateLimit-Policy").orElse(null));
            }
            int ok = 0;
            for (Future<HttpResponse<String>> f : flood) {
                HttpResponse<String> response = f.get();
                if (response.statusCode() == 200) {
                    ok++;
                } else {
                    assertEquals(429, response.statusCode(), response.body());
                    assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse(null));
                    assertTrue(response.headers().firstValue("Retry-After").isPresent());
                }
            }
            assertEquals(30, ok);
        } finally {
            pool.shutdownNow();
        }
        given().header("X-Forwarded-For", "198.51.100.1").get("/api/moods").then().statusCode(429)
                .contentType("application/problem+json")
                .header("Retry-After", matchesPattern("[1-9][0-9]*"))
                .header("RateLimit", matchesPattern("\"read\";r=0;t=[1-9][0-9]*"))
                .header("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
        given().header("X-Forwarded-For", "198.51.100.1").get("/q/health/live").then().statusCode(200)
                .header("RateLimit", nullValue());
        // An unknown path is an error with the headers too.
        given().header("X-Forwarded-For", "198.51.100.3").get("/api/nothing").then().statusCode(404)
                .contentType("application/problem+json")
                .header("RateLimit", matchesPattern("\"read\";r=29;t=[0-9]+"));
    }

    @Test
    void exemptAddressesAreNeverLimited() {
        for (int i = 0; i < 40; i++) {
            given().header("X-Forwarded-For", "198.51.100.9").get("/api/moods").then().statusCode(200)
                    .header("RateLimit", nullValue());
        }
    }

    private HttpRequest get(String path, String client) {
        return HttpRequest.newBuilder(URI.create(base.toString()).resolve(path)).header("X-Forwarded-For", client).GET()
                .build();
    }
}
