package setsunai.songs;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SongResourceTest {

    @Test
    void readsOneSongWithArtistsAndUsages() {
        given().get("/api/songs/one-more-time-one-more-chance")
                .then().statusCode(200)
                .header("ETag", notNullValue())
                .body("title", equalTo("One more time, One more chance"))
                .body("artists.slug", hasItem("masayoshi-yamazaki"))
                .body("usages.titleSlug", hasItem("5-centimeters-per-second"))
                .body("usages.find { it.titleSlug == '5-centimeters-per-second' }.role", equalTo("THEME"));
    }

    @Test
    void batchLookupByTitleSlugs() {
        given().queryParam("title", "5-centimeters-per-second", "not-a-title")
                .get("/api/songs")
                .then().statusCode(200)
                .body("items.slug", containsInAnyOrder("one-more-time-one-more-chance",
                        "5-centimeters-per-second-original-soundtrack"))
                .body("totalItems", equalTo(2));
    }

    @Test
    void unknownSongIsAProblem() {
        given().get("/api/songs/no-such-song")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("detail", containsString("no-such-song"));
    }

    @Test
    void tooManyTitlesInOneBatchIsA400() {
        var request = given();
        for (int i = 0; i < 101; i++) {
            request.queryParam("title", "t" + i);
        }
        request.get("/api/songs")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("title"));
    }
}
