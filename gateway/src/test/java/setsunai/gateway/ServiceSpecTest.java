package setsunai.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * Issue 11, item 7: the proxied specs list only what the gateway serves, with {@code servers} at its pass-through
 * under the gateway's public URL, and the links the services answer with point there too. Without
 * {@code quarkus.http.proxy.*} (the default) a client's {@code X-Forwarded-*} changes nothing; {@link ForwardedTest}
 * covers trusted proxies.
 */
@QuarkusTest
@WithTestResource(WireMockServices.class)
class ServiceSpecTest extends GatewayTestBase {

    /** A spec as a service sends it: reads and editor writes on the same paths, and a write-only path. */
    static final String SPEC = """
            {"openapi": "3.1.0", "info": {"title": "Setsunai catalog-service", "description": "The catalogue."},
             "servers": [{"url": "http://catalog-service:8081"}],
             "tags": [{"name": "Titles"}, {"name": "Editing"}],
             "paths": {
               "/api/titles": {"get": {"operationId": "searchTitles", "tags": ["Titles"], "responses": {"200": {"description": "ok"}}},
                               "post": {"operationId": "createTitle", "responses": {"201": {"description": "created"}}}},
               "/api/titles/{slug}": {"get": {"operationId": "getTitle", "responses": {"200": {"description": "ok"}}},
                                      "put": {"operationId": "replaceTitle", "responses": {"200": {"description": "ok"}}},
                                      "delete": {"operationId": "deleteTitle", "responses": {"204": {"description": "gone"}}}},
               "/api/titles/import": {"post": {"operationId": "importTitles", "responses": {"200": {"description": "ok"}}}}
             }}
            """;

    /** What common's PageLinks builds: absolute URLs from the service's own view of its address. */
    static final String LINKS = "<http://catalog-service:8081/api/titles?ending=TRAGIC&page=1&size=2>; rel=\"first\", "
            + "<http://catalog-service:8081/api/titles?ending=TRAGIC&page=2&size=2>; rel=\"next\", "
            + "<http://catalog-service:8081/api/titles?ending=TRAGIC&page=5&size=2>; rel=\"last\"";

    @Test
    void theProxiedSpecListsOnlyTheReadsAndSaysWhereWritesGo() {
        wireMock.stubFor(get(urlPathEqualTo("/q/openapi")).willReturn(okJson(SPEC)));

        given().get("/q/services/catalog/openapi").then().statusCode(200)
                .body("paths.'/api/titles'", hasKey("get"))
                .body("paths.'/api/titles'", not(hasKey("post")))
                .body("paths.'/api/titles/{slug}'", hasKey("get"))
                .body("paths.'/api/titles/{slug}'", not(hasKey("put")))
                .body("paths.'/api/titles/{slug}'", not(hasKey("delete")))
                .body("paths", not(hasKey("/api/titles/import")))
                .body("tags.name", equalTo(java.util.List.of("Titles")))
                .body("info.description", containsString("The catalogue."))
                .body("info.description", containsString("reads only"))
                .body("info.description", containsString("catalog-service itself"))
                .body("servers.size()", equalTo(1))
                .body("servers[0].url", equalTo("/q/services/catalog"));
    }

    @Test
    void linksFromThePassThroughPointAtTheGatewaysPublicUrl() {
        wireMock.stubFor(get(urlPathEqualTo("/api/titles")).willReturn(okJson(page()).withHeader("Link", LINKS)));
        String gateway = "http://localhost:" + io.restassured.RestAssured.port + "/q/services/catalog";

        given().queryParam("ending", "TRAGIC").queryParam("size", 2).get("/q/services/catalog/api/titles")
                .then().statusCode(200)
                .header("Link", equalTo("<" + gateway + "/api/titles?ending=TRAGIC&page=1&size=2>; rel=\"first\", "
                        + "<" + gateway + "/api/titles?ending=TRAGIC&page=2&size=2>; rel=\"next\", "
                        + "<" + gateway + "/api/titles?ending=TRAGIC&page=5&size=2>; rel=\"last\""));
    }

    @Test
    void aLocationFromThePassThroughPointsAtTheGatewayToo() {
        wireMock.stubFor(get(urlPathEqualTo("/api/titles/old-slug")).willReturn(aResponse().withStatus(301)
                .withHeader("Location", "http://catalog-service:8081/api/titles/new-slug")));

        given().redirects().follow(false).get("/q/services/catalog/api/titles/old-slug")
                .then().statusCode(301)
                .header("Location", equalTo("http://localhost:" + io.restassured.RestAssured.port
                        + "/q/services/catalog/api/titles/new-slug"));
    }

    @Test
    void withoutTrustedProxiesAClientsForwardedHeadersChangeNothing() {
        wireMock.stubFor(get(urlPathEqualTo("/api/titles")).willReturn(okJson(page()).withHeader("Link", LINKS)));

        given().header("X-Forwarded-Host", "evil.example").header("X-Forwarded-Proto", "https")
                .header("Forwarded", "host=evil.example;proto=https")
                .get("/q/services/catalog/api/titles")
                .then().statusCode(200)
                .header("Link", not(containsString("evil.example")))
                .header("Link", containsString("<http://localhost:" + io.restassured.RestAssured.port + "/q/services/catalog/api/titles?"));
        given().header("X-Forwarded-Host", "evil.example").get("/q/services/catalog/openapi")
                .then().body("servers[0].url", not(containsString("evil.example")));
    }

    @Test
    void otherHeadersOfTheServiceAreNotPassedOn() {
        wireMock.stubFor(get(urlPathEqualTo("/api/titles")).willReturn(okJson(page())));
        given().get("/q/services/catalog/api/titles").then().statusCode(200).header("Link", nullValue());
    }
}
