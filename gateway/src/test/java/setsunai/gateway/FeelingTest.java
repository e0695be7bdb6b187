package setsunai.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.havingExactly;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** `feeling=` on recommendations: read as moods, ranked by their blend, explained in `interpretation`. */
@QuarkusTest
@WithTestResource(WireMockServices.class)
class FeelingTest extends GatewayTestBase {

    static final String ANOHANA = title("anohana", "Anohana", "TV", "BITTERSWEET", 10, "grief", "ghosts", "friendship");
    static final String FIVE_CM = RecommendationTest.FIVE_CM;
    static final String TORADORA = RecommendationTest.TORADORA;
    static final String SONGS = page(
            song("secret-base", "secret base", "FAREWELL,GRIEF", usage("anohana", "Anohana", "ENDING", 1)),
            song("one-more-time", "One more time, One more chance", "LONGING,FAREWELL",
                    usage("5-centimeters-per-second", "5 Centimeters per Second", "THEME", null)));

    @Test
    void aFeelingIsReadAsAMoodAndRankedLikeIt() {
        stubJson(titlesApi(), page(TORADORA, FIVE_CM));
        stubJson(songsApi(), RecommendationTest.SONGS);

        given().queryParam("feeling", "I just got dumped and can't stop thinking about her")
                .get("/api/recommendations")
                .then().statusCode(200)
                .body("mood", equalTo("heartbroken"))
                .body("interpretation.moods.name", contains("heartbroken"))
                .body("interpretation.moods[0].weight", equalTo(1.0f))
                .body("interpretation.moods[0].matched", contains("dumped"))
                .body("interpretation.negated", empty())
                .body("items.title.slug", contains("5-centimeters-per-second", "toradora"))
                // exactly as mood=heartbroken: the same score
                .body("items[0].score", equalTo(15.4f));
        // a mood alone answers without interpretation
        given().get("/api/recommendations?mood=heartbroken").then().statusCode(200)
                .body("interpretation", nullValue());
    }

    @Test
    void severalMoodsAreBlendedByWeightInOneCatalogueCall() {
        stubJson(titlesApi(), page(ANOHANA, FIVE_CM, TORADORA));
        stubJson(songsApi(), SONGS);

        // grieving: grandma 1 + passed away 5; longing: miss 2 + so far 2
        given().queryParam("feeling", "my grandma passed away and I miss her, she was so far away")
                .get("/api/recommendations")
                .then().statusCode(200)
                .body("mood", equalTo("grieving"))
                .body("interpretation.moods.name", contains("grieving", "longing"))
                .body("interpretation.moods.weight", contains(0.6f, 0.4f))
                .body("interpretation.moods[0].matched", hasItem("passed away"))
                .body("interpretation.moods[1].matched", containsInAnyOrder("miss", "so far"))
                // 5 cm: 0.6 x grieving (ending 1, tearjerker 2.4, a farewell song 2) + 0.4 x longing (tags 9, 2, 2.4, 2)
                // Anohana: 0.6 x grieving (tags 5, ending 1, tearjerker 3, secret base 2) + 0.4 x longing (2 + 3)
                .body("items.title.slug", contains("5-centimeters-per-second", "anohana"))
                .body("items.score", contains(9.4f, 8.6f))
                .body("items[0].reasons[0]", equalTo(
                        "Read as grieving and longing: its score is 0.6 \u00d7 5.4 (grieving) + 0.4 \u00d7 15.4 (longing) = 9.4."))
                .body("items[0].reasons", hasItem(
                        "Its themes fit longing: long-distance (+3), drifting-apart (+2), letters (+2), unrequited-love (+2)."))
                .body("items[0].reasons", hasItem("It hits hard: tearjerker 8 of 10 (+2.4)."))
                .body("items[1].reasons", hasItem("Its themes fit grieving: grief (+3), ghosts (+2)."))
                .body("items[1].songs.slug", contains("secret-base"));
        // one search for the union of both moods' tags, as for a single mood
        wireMock.verify(1, getRequestedFor(urlPathEqualTo("/api/titles"))
                .withQueryParam("anyTag", havingExactly("afterlife", "death", "drifting-apart", "family", "ghosts",
                        "grief", "immortality", "letters", "long-distance", "memory-loss", "sacrifice", "slow-burn",
                        "terminal-illness", "time-travel", "unrequited-love")));
    }

    @Test
    void negationIsShownAndCountsForTheOtherMood() {
        stubJson(titlesApi(), page(ANOHANA));
        stubJson(songsApi(), SONGS);

        given().queryParam("feeling", "not sad anymore, ready to move on")
                .get("/api/recommendations")
                .then().statusCode(200)
                .body("interpretation.moods.name", contains("healing"))
                .body("interpretation.moods.name", not(hasItem("grieving")))
                .body("interpretation.negated", contains("not sad"));
    }

    @Test
    void textThatFitsNoMoodIsA400ListingTheMoods() {
        given().get("/api/recommendations?feeling=qwerty")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", contains("feeling"))
                .body("errors[0].message", containsString("bittersweet, grieving, healing, heartbroken, longing"));
        wireMock.verify(0, getRequestedFor(anyUrl()));
    }

    @Test
    void exactlyOneOfMoodAndFeeling() {
        given().get("/api/recommendations?mood=grieving&feeling=my%20dad%20died")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", contains("mood", "feeling"))
                .body("errors[0].message", containsString("not both"));
        given().get("/api/recommendations")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", contains("mood", "feeling"))
                .body("errors[0].message", containsString("known moods: bittersweet"));
        wireMock.verify(0, getRequestedFor(anyUrl()));
    }

    @Test
    void aFeelingKeepsTheSearchTextRules() {
        given().queryParam("feeling", "sad ".repeat(60)).get("/api/recommendations")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("feeling"))
                .body("errors[0].message", containsString("at most 200 characters"));
        given().queryParam("feeling", "!!! ...").get("/api/recommendations")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].message", containsString("at least one letter or digit"));
        wireMock.verify(0, getRequestedFor(anyUrl()));
    }

    @Test
    void theSpecDescribesFeelingAndInterpretationWithExamples() {
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths.'/api/recommendations'.get.parameters.find { it.name == 'feeling' }.examples.negation.value",
                        equalTo("not sad anymore, ready to move on"))
                .body("paths.'/api/recommendations'.get.parameters.find { it.name == 'mood' }.required", nullValue())
                .body("components.schemas.Interpretation.properties.moods.items.'$ref'", containsString("MoodRead"))
                .body("components.schemas.MoodRead.properties.matched.examples[0]", contains("dumped"));
    }
}
