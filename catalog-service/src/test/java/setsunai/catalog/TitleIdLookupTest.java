package setsunai.catalog;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import setsunai.testsupport.Tokens;

/**
 * Issue 14 item 4: GET /api/titles?id= — batch lookup by provider id or slug, with {@code notFound}. Expected titles
 * come from the curated file ({@link CuratedTitles}); the two written here use only the tag `grief`, test-only names
 * and the year 2020, like every editing test, so the other tests' counts hold.
 */
@QuarkusTest
class TitleIdLookupTest {

    /** Ids of the providers the dataset does not use yet, one stored as a string with a leading zero. */
    static final String OTHER_PROVIDERS = "zz-ids-other-providers";
    /** Shares its MAL id with nothing but carries every provider, in upper case. */
    static final String UPPER_CASE_KEYS = "zz-ids-upper-case-keys";

    private static boolean written;

    @BeforeEach
    void writeTitlesWithOtherProviders() {
        if (written) {
            return;
        }
        written = true;
        String ndjson = String.join("\n",
                line(OTHER_PROVIDERS, "Ids Other Providers", "{\"anidb\": 10367, \"kitsu\": \"07442\", \"bangumi\": 990444}"),
                line(UPPER_CASE_KEYS, "Ids Upper Case Keys", "{\"MAL\": 987654321, \"AniList\": \"0987654321\", "
                        + "\"homepage\": \"https://example.org/1\", \"nested\": {\"mal\": 1}}")) + "\n";
        given().auth().oauth2(Tokens.editor()).contentType("application/x-ndjson")
                .body(ndjson.getBytes(StandardCharsets.UTF_8)).post("/api/titles/import")
                .then().statusCode(200).body("rejected", empty());
    }

    private static String line(String slug, String name, String externalIds) {
        return ("{\"slug\": \"%s\", \"title\": \"%s\", \"format\": \"TV\", \"episodes\": 12, \"year\": 2020,"
                + " \"studios\": [\"Test Studio\"], \"tags\": [\"grief\"], \"ending\": \"OPEN\", \"tearjerker\": 5,"
                + " \"externalIds\": %s}").formatted(slug, name, externalIds);
    }

    private static Response lookup(Object... ids) {
        return given().queryParam("id", ids).get("/api/titles");
    }

    /** The curated titles' MAL ids, each title with its slug, in the catalogue's default (title) order. */
    private static List<String[]> curatedWithMal() {
        return CuratedTitles.titles().stream().filter(t -> t.path("externalIds").has("mal"))
                .sorted(Comparator.comparing((com.fasterxml.jackson.databind.JsonNode t) -> t.path("title").asText().toLowerCase())
                        .thenComparing(t -> t.path("slug").asText()))
                .map(t -> new String[] {t.path("slug").asText(), "mal:" + t.path("externalIds").path("mal").asLong()})
                .toList();
    }

    @Test
    void providerIdsAndSlugsFindTheirTitlesAndNotFoundIsPresentAndEmpty() {
        lookup("mal:23273", "anilist:1689", "slug:nana")
                .then().statusCode(200)
                .body("items.slug", containsInAnyOrder("your-lie-in-april", "5-centimeters-per-second", "nana"))
                .body("totalItems", equalTo(3))
                .body("$", hasKey("notFound"))
                .body("notFound", empty());
    }

    @Test
    void everyCuratedMalIdFindsItsTitle() {
        List<String[]> curated = curatedWithMal();
        for (int from = 0; from < curated.size(); from += 100) {
            List<String[]> batch = curated.subList(from, Math.min(from + 100, curated.size()));
            List<String> expected = batch.stream().map(t -> t[0]).toList();
            Response answer = given().queryParam("id", batch.stream().map(t -> t[1]).toList()).queryParam("size", 100)
                    .get("/api/titles");
            answer.then().statusCode(200).body("notFound", empty());
            assertEquals(expected.stream().sorted().toList(),
                    answer.<List<String>>path("items.slug").stream().sorted().toList());
        }
    }

    @Test
    void notFoundListsTheUnknownIdsNormalisedInTheOrderGivenEachOnce() {
        lookup("mal:999999999", "MAL:023273", "slug:no-such-title", "Mal:0999999999", "anidb:000", "kitsu:7442")
                .then().statusCode(200)
                .body("items.slug", containsInAnyOrder("your-lie-in-april", OTHER_PROVIDERS))
                .body("notFound", contains("mal:999999999", "slug:no-such-title", "anidb:0"));
    }

    @Test
    void theProviderIsCaseInsensitiveAndLeadingZerosDoNotMatterOnEitherSide() {
        for (String id : List.of("kitsu:7442", "KITSU:007442", "anidb:10367", "AniDB:010367", "bangumi:990444")) {
            lookup(id).then().statusCode(200)
                    .body("items.slug", contains(OTHER_PROVIDERS))
                    .body("notFound", empty());
        }
        // stored with upper-case keys and a zero-padded string; a URL or a nested object names nothing
        lookup("mal:987654321", "anilist:987654321").then().statusCode(200)
                .body("items.slug", contains(UPPER_CASE_KEYS))
                .body("notFound", empty());
        lookup("mal:1").then().statusCode(200).body("items.slug", not(hasItem(UPPER_CASE_KEYS)));
    }

    @Test
    void mixedWithSlugAndOtherFiltersItCombinesWithAndButNotFoundIgnoresThem() {
        // like slug: filters combine with AND; 5 Centimeters is known, so it is not in notFound, just filtered out
        given().queryParam("slug", "nana", "your-lie-in-april").queryParam("id", "mal:23273", "mal:1689", "slug:nana")
                .get("/api/titles")
                .then().statusCode(200)
                .body("items.slug", containsInAnyOrder("your-lie-in-april", "nana"))
                .body("notFound", empty());
        given().queryParam("id", "mal:23273", "mal:1689", "mal:999999999").queryParam("format", "MOVIE")
                .get("/api/titles")
                .then().statusCode(200)
                .body("items.slug", contains("5-centimeters-per-second"))
                .body("totalItems", equalTo(1))
                .body("notFound", contains("mal:999999999"));
    }

    @Test
    void pagesThroughTheTitlesFoundWithTheSameNotFoundOnEachPage() {
        List<String[]> curated = curatedWithMal().subList(0, 5);
        List<String> ids = new ArrayList<>(curated.stream().map(t -> t[1]).toList());
        ids.add(2, "bangumi:999999999");
        List<String> paged = new ArrayList<>();
        for (int page = 1; page <= 3; page++) {
            Response answer = given().queryParam("id", ids).queryParam("size", 2).queryParam("page", page).get("/api/titles");
            answer.then().statusCode(200)
                    .body("page", equalTo(page))
                    .body("items", hasSize(page < 3 ? 2 : 1))
                    .body("totalItems", equalTo(5))
                    .body("totalPages", equalTo(3))
                    .body("notFound", contains("bangumi:999999999"))
                    .header("Link", containsString("rel=\"last\""));
            assertEquals(page < 3, answer.header("Link").contains("rel=\"next\""));
            paged.addAll(answer.path("items.slug"));
        }
        // one order sliced: every title asked for once (the curated MAL ids are unique)
        assertEquals(curated.stream().map(t -> t[0]).sorted().toList(), paged.stream().sorted().toList());
    }

    @Test
    void withoutIdTheAnswerHasNoNotFound() {
        given().queryParam("slug", "nana").get("/api/titles").then().statusCode(200)
                .body("$", not(hasKey("notFound")));
        // blank values are dropped like slug's: no id given
        given().queryParam("id", " ").get("/api/titles").then().statusCode(200)
                .body("$", not(hasKey("notFound")));
    }

    @Test
    void malformedIdsAre400sNamingIdTheValuesAndTheAcceptedForms() {
        for (String bad : List.of("imdb:0108778", "mal:", "mal:12a", "mal:-1", "mal:1.5", "mal:1234567890123", "23273",
                "slug:", "slug:Your-Lie", "slug:a--b", "slug:" + "a".repeat(121), ":1", "mal:1:2", "mal :1")) {
            lookup("mal:23273", bad)
                    .then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors", hasSize(1))
                    .body("errors[0].field", equalTo("id"))
                    .body("errors[0].message", containsString("'" + (bad.length() > 40 ? bad.substring(0, 40) : bad.strip())))
                    .body("errors[0].message", containsString("accepted: mal:<digits>, anilist:<digits>, anidb:<digits>, "
                            + "kitsu:<digits>, bangumi:<digits>"))
                    .body("errors[0].message", containsString("slug:<title slug>"));
        }
        lookup(IntStream.range(0, 50).mapToObj(i -> "X" + i).toArray())
                .then().statusCode(400)
                .body("errors[0].message", containsString("'X0', 'X1', 'X2' and 47 more are not title ids"));
    }

    @Test
    void atMost100Ids() {
        List<String> hundred = IntStream.range(0, 99).mapToObj(i -> "mal:" + (900000000 + i)).collect(Collectors.toList());
        hundred.add("mal:23273");
        given().queryParam("id", hundred).get("/api/titles")
                .then().statusCode(200)
                .body("items.slug", contains("your-lie-in-april"))
                .body("notFound", hasSize(99));
        hundred.add("mal:1");
        given().queryParam("id", hundred).get("/api/titles")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("id"))
                .body("errors[0].message", equalTo("at most 100 values are allowed, got 101"));
    }

    @Test
    void theSpecDocumentsIdAndNotFoundWithExamples() {
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths.'/api/titles'.get.parameters.find { it.name == 'id' }.schema.maxItems", equalTo(100))
                .body("paths.'/api/titles'.get.parameters.find { it.name == 'id' }.examples.'several providers'.value",
                        hasSize(4))
                .body("components.schemas.TitlePage.properties.notFound.examples.toString()", containsString("mal:999999"))
                .body("components.schemas.TitlePage.properties.notFound.description", containsString("name no title"));
    }
}
