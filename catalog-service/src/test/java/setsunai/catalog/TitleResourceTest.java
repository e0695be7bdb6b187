package setsunai.catalog;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class TitleResourceTest {

    @Test
    void readsOneTitleFromTheDataset() {
        given().get("/api/titles/5-centimeters-per-second")
                .then().statusCode(200)
                .contentType("application/json")
                .header("ETag", notNullValue())
                .body("slug", equalTo("5-centimeters-per-second"))
                .body("format", equalTo("MOVIE"))
                .body("tags.size()", greaterThan(0))
                .body("version", greaterThan(0));
    }

    @Test
    void unknownSlugIsAProblem() {
        given().get("/api/titles/no-such-title")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404))
                .body("detail", containsString("no-such-title"))
                .body("instance", equalTo("/api/titles/no-such-title"));
    }

    @Test
    void batchLookupAnswersKnownSlugsAndSkipsUnknownOnes() {
        given().queryParam("slug", "your-lie-in-april", "5-centimeters-per-second", "not-a-title")
                .get("/api/titles")
                .then().statusCode(200)
                .body("totalItems", equalTo(2))
                .body("items.slug", containsInAnyOrder("your-lie-in-april", "5-centimeters-per-second"))
                .header("Link", containsString("rel=\"first\""));
    }

    @Test
    void badPagingIsA400ListingEachField() {
        given().queryParam("size", "500").queryParam("page", "abc")
                .get("/api/titles")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("page", "size"))
                .body("detail", containsString("size"));
    }

    @Test
    void unknownPathIsAProblemToo() {
        given().get("/api/nothing-here")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("detail", containsString("/api/nothing-here"));
    }

    @Test
    void conditionalGetAnswers304() {
        String etag = given().get("/api/titles/your-lie-in-april").then().statusCode(200).extract().header("ETag");
        given().header("If-None-Match", etag)
                .get("/api/titles/your-lie-in-april")
                .then().statusCode(304);
    }

    @Test
    void healthOpenApiAndMetricsAnswer() {
        given().get("/q/health/ready").then().statusCode(200).body("checks.name", hasItem(containsString("Database")));
        given().get("/q/health/live").then().statusCode(200);
        given().get("/q/openapi?format=json").then().statusCode(200).body("paths", notNullValue());
        given().get("/q/metrics").then().statusCode(200);
    }
}
