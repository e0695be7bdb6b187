package setsunai.catalog;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import setsunai.testsupport.Tokens;

/**
 * Security headers and CORS (issue 10, item 9). The test profile allows writes from https://editor.example only
 * (setsunai.cors.write-origins).
 */
@QuarkusTest
class EdgeHeadersTest {

    static final String CSP = "default-src 'none'; frame-ancestors 'none'";

    @Test
    void everyApiAnswerCarriesTheSecurityHeaders() {
        given().get("/api/titles/nana").then().statusCode(200)
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "no-referrer")
                .header("Content-Security-Policy", CSP);
        given().get("/api/titles/no-such-title").then().statusCode(404)
                .header("X-Content-Type-Options", "nosniff").header("Content-Security-Policy", CSP);
        given().contentType("application/json").body("{}").post("/api/titles").then().statusCode(401)
                .header("X-Content-Type-Options", "nosniff").header("Content-Security-Policy", CSP);
        given().get("/q/openapi").then().statusCode(200).header("Content-Security-Policy", CSP);
    }

    @Test
    void swaggerUiKeepsWhatItNeeds() {
        // Swagger UI is a page with its own scripts and styles: no CSP that would forbid them.
        given().get("/q/swagger-ui/").then().statusCode(200).contentType(containsString("text/html"))
                .header("Content-Security-Policy", nullValue())
                .header("X-Content-Type-Options", "nosniff");
    }

    @Test
    void anyOriginMayRead() {
        given().header("Origin", "https://somewhere.example").get("/api/titles/nana").then().statusCode(200)
                .header("Access-Control-Allow-Origin", "*")
                .header("Access-Control-Expose-Headers", containsString("ETag"))
                .header("Vary", containsString("Origin"));
        given().header("Origin", "https://somewhere.example").header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "If-None-Match")
                .options("/api/titles/nana").then().statusCode(204)
                .header("Access-Control-Allow-Origin", "*")
                .header("Access-Control-Allow-Methods", "GET, HEAD")
                .header("Access-Control-Allow-Headers", "If-None-Match");
        // Without an Origin, nothing CORS is said.
        given().get("/api/titles/nana").then().statusCode(200).header("Access-Control-Allow-Origin", nullValue());
    }

    @Test
    void writesOnlyFromConfiguredOrigins() {
        // Preflight from the configured editor: allowed, for that origin only.
        given().header("Origin", "https://editor.example").header("Access-Control-Request-Method", "PUT")
                .header("Access-Control-Request-Headers", "Authorization, Content-Type, If-Match")
                .options("/api/titles/nana").then().statusCode(204)
                .header("Access-Control-Allow-Origin", "https://editor.example")
                .header("Access-Control-Allow-Methods", containsString("PUT"))
                .header("Access-Control-Allow-Headers", "Authorization, Content-Type, If-Match");
        // Preflight and the request itself from anywhere else: refused before anything runs.
        given().header("Origin", "https://evil.example").header("Access-Control-Request-Method", "POST")
                .options("/api/titles").then().statusCode(403).contentType("application/problem+json")
                .header("Access-Control-Allow-Origin", nullValue())
                .body("status", equalTo(403)).body("detail", containsString("https://evil.example"));
        given().header("Origin", "https://evil.example").auth().oauth2(Tokens.editor()).delete("/api/titles/nana")
                .then().statusCode(403).contentType("application/problem+json");
        given().get("/api/titles/nana").then().statusCode(200);
        // The allowed origin's actual request goes on to the resource (here: no token, so 401) with its CORS headers.
        given().header("Origin", "https://editor.example").contentType("application/json").body("{}")
                .post("/api/titles").then().statusCode(401)
                .header("Access-Control-Allow-Origin", "https://editor.example");
    }

    @Test
    void thePagesOwnOriginMayWrite() {
        // Swagger UI's "Try it out" is served by the service itself: same origin.
        String self = "http://localhost:" + io.restassured.RestAssured.port;
        given().header("Origin", self).contentType("application/json").body("{}").post("/api/titles")
                .then().statusCode(401).header("Access-Control-Allow-Origin", self);
    }
}
