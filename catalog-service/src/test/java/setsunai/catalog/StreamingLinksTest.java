package setsunai.catalog;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static setsunai.catalog.CuratedTitles.slugsWhere;
import static setsunai.catalog.CuratedTitles.stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import setsunai.catalog.api.StreamingLink;
import setsunai.testsupport.Tokens;

/**
 * Issue 14, "where can I watch it": `streaming` as links with regions, the `streaming=` filter (any of the services,
 * unknown keys a 400 listing the known ones), validation of written links, `franchise`, and V6's conversion of the
 * display names stored before. Titles written here link only to the test-only service `zz_test_tv`, so the counts
 * of the curated services hold in any test order.
 */
@QuarkusTest
class StreamingLinksTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    DataSource dataSource;

    private static RequestSpecification editor() {
        return given().auth().oauth2(Tokens.editor());
    }

    private static String title(String slug, String streaming, String franchise) {
        return """
                {"slug": "%s", "title": "Streaming %s", "format": "TV", "year": 2020, "tags": ["grief"],
                 "ending": "OPEN", "tearjerker": 5, "streaming": %s, "franchise": %s}"""
                .formatted(slug, slug, streaming, franchise);
    }

    private static Predicate<JsonNode> linksTo(String... services) {
        return title -> stream(title.path("streaming")).anyMatch(l -> List.of(services).contains(l.path("service").asText()));
    }

    @Test
    void aTitleShowsItsLinksAndFranchise() throws Exception {
        JsonNode curated = CuratedTitles.titles().stream().filter(t -> t.path("slug").asText().equals("violet-evergarden"))
                .findFirst().orElseThrow();
        JsonNode served = JSON.readTree(given().get("/api/titles/violet-evergarden").then().statusCode(200)
                .extract().asByteArray());
        assertEquals(curated.path("streaming"), served.path("streaming"));
        assertEquals(List.of("service", "name", "url", "regions"), fieldNames(served.path("streaming").get(0)));
        assertEquals("violet-evergarden", served.path("franchise").asText());
        assertEquals(curated.path("externalIds"), served.path("externalIds"));
    }

    @Test
    void theFilterMatchesAnyOfTheServices() {
        List<String> expected = slugsWhere(linksTo("netflix", "crunchyroll"));
        assertFalse(expected.isEmpty());
        List<String> found = given().queryParam("streaming", "netflix").queryParam("streaming", "CrunchyRoll")
                .queryParam("size", 100).get("/api/titles")
                .then().statusCode(200).body("totalItems", equalTo(expected.size()))
                .extract().jsonPath().getList("items.slug", String.class);
        assertEquals(new TreeSet<>(expected), new TreeSet<>(found));
        // One service alone is a subset, and the filters combine with the others (AND).
        List<String> netflixMovies = slugsWhere(linksTo("netflix").and(t -> t.path("format").asText().equals("MOVIE")));
        List<String> movies = given().queryParam("streaming", "netflix").queryParam("format", "MOVIE").queryParam("size", 100)
                .get("/api/titles").then().statusCode(200).extract().jsonPath().getList("items.slug", String.class);
        assertEquals(new TreeSet<>(netflixMovies), new TreeSet<>(movies));
    }

    @Test
    void anUnknownServiceIsA400ListingTheKnownOnes() {
        given().queryParam("streaming", "netflix").queryParam("streaming", "amazon").get("/api/titles")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("streaming"))
                .body("errors[0].message", allOf(containsString("'amazon'"), containsString("known services:"),
                        containsString("prime"), containsString("netflix"), containsString("disneyplus")));
    }

    @Test
    void writtenLinksAreValidatedFieldByField() {
        String bad = """
                [{"service": "Net Flix", "name": "Netflix", "url": "http://www.netflix.com/title/1", "regions": ["jp", "USA"]},
                 {"service": "hulu", "name": " ", "url": "not a url"}]""";
        editor().contentType("application/json").body(title("zz-streaming-bad", bad, "\"Violet Evergarden\""))
                .post("/api/titles")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("streaming[0].service", "streaming[0].url",
                        "streaming[0].regions[0]", "streaming[0].regions[1]", "streaming[1].name", "streaming[1].url",
                        "streaming[1].regions", "franchise"))
                .body("detail", allOf(containsString("https URL"), containsString("ISO 3166-1 alpha-2"),
                        containsString("service key")));
        String twice = """
                [{"service": "zz_test_tv", "name": "A", "url": null, "regions": []},
                 {"service": "zz_test_tv", "name": "B", "url": null, "regions": []}]""";
        editor().contentType("application/json").body(title("zz-streaming-bad", twice, "null")).post("/api/titles")
                .then().statusCode(400).body("errors.field", containsInAnyOrder("streaming[1].service"))
                .body("errors[0].message", containsString("twice"));
        // The old shape (display names) is not a link: a 400 that says where, never a 500.
        editor().contentType("application/json").body(title("zz-streaming-bad", "[\"Netflix\"]", "null"))
                .post("/api/titles").then().statusCode(400).contentType("application/problem+json");
        given().get("/api/titles/zz-streaming-bad").then().statusCode(404);
    }

    @Test
    void linksAndFranchiseAreStoredAsWrittenAndFound() {
        String links = """
                [{"service": "zz_test_tv", "name": " Test TV ", "url": "https://tv.example.org/watch/1?x=y",
                  "regions": ["JP", "US", "JP"]}, {"service": "zz_other_tv", "name": "Other", "regions": []}]""";
        editor().contentType("application/json").body(title("zz-streaming-good", links, "\"zz-test-franchise\""))
                .post("/api/titles")
                .then().statusCode(201)
                .body("streaming[0].service", equalTo("zz_test_tv")).body("streaming[0].name", equalTo("Test TV"))
                .body("streaming[0].url", equalTo("https://tv.example.org/watch/1?x=y"))
                .body("streaming[0].regions", equalTo(List.of("JP", "US")))
                .body("streaming[1].url", nullValue()).body("streaming[1].regions", equalTo(List.of()))
                .body("franchise", equalTo("zz-test-franchise"));
        given().queryParam("streaming", "zz_test_tv").get("/api/titles")
                .then().statusCode(200).body("items.slug", equalTo(List.of("zz-streaming-good")));
        // The import takes the same shape.
        editor().contentType("application/x-ndjson")
                .body(title("zz-streaming-import", "[{\"service\": \"zz_test_tv\", \"name\": \"Test TV\", \"url\": null, "
                        + "\"regions\": [\"FR\"]}]", "\"zz-test-franchise\"").replace("\n", " ").concat("\n")
                        .getBytes(StandardCharsets.UTF_8))
                .post("/api/titles/import").then().statusCode(200).body("created", equalTo(1));
        given().queryParam("streaming", "zz_test_tv").get("/api/titles")
                .then().statusCode(200).body("items.slug", containsInAnyOrder("zz-streaming-good", "zz-streaming-import"));
        editor().delete("/api/titles/zz-streaming-good").then().statusCode(204);
        editor().delete("/api/titles/zz-streaming-import").then().statusCode(204);
        // Gone with its titles: the key is unknown again.
        given().queryParam("streaming", "zz_test_tv").get("/api/titles").then().statusCode(400)
                .body("errors[0].field", equalTo("streaming"));
    }

    @Test
    void v6ConvertedStoredNamesToLinksWithServiceKeys() throws Exception {
        JsonNode links = sqlJson("SELECT streaming_links_of_names(ARRAY['Netflix', 'Amazon Prime Video', 'Crunchyroll', "
                + "'Disney+', 'Funimation', 'Hulu', 'HIDIVE', 'Ａ'])");
        assertEquals(List.of("netflix", "prime", "crunchyroll", "disneyplus", "funimation", "hulu", "hidive", "other"),
                stream(links).map(l -> l.path("service").asText()).toList());
        assertEquals("Amazon Prime Video", links.get(1).path("name").asText());
        assertTrue(stream(links).allMatch(l -> l.path("url").isNull() && l.path("regions").isArray()
                && l.path("regions").isEmpty()));
        assertTrue(stream(links).allMatch(l -> l.path("service").asText().matches(StreamingLink.SERVICE_KEY)));
        assertEquals(JSON.readTree("[]"), sqlJson("SELECT streaming_links_of_names('{}')"));
    }

    @Test
    void everyFranchiseOfTheDatasetIsServed() {
        Map<String, String> expected = new TreeMap<>();
        CuratedTitles.titles().stream().filter(t -> t.hasNonNull("franchise"))
                .forEach(t -> expected.put(t.path("slug").asText(), t.path("franchise").asText()));
        assertFalse(expected.isEmpty());
        JsonPath page = given().queryParam("slug", expected.keySet().toArray()).queryParam("size", 100).get("/api/titles")
                .then().statusCode(200).extract().jsonPath();
        Map<String, String> served = new TreeMap<>();
        List<String> slugs = page.getList("items.slug", String.class);
        List<String> franchises = page.getList("items.franchise", String.class);
        for (int i = 0; i < slugs.size(); i++) {
            served.put(slugs.get(i), franchises.get(i));
        }
        assertEquals(expected, served);
    }

    private JsonNode sqlJson(String sql) throws Exception {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql);
             ResultSet rows = statement.executeQuery()) {
            assertTrue(rows.next());
            return JSON.readTree(rows.getString(1));
        }
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
