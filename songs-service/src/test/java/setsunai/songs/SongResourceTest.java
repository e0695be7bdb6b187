package setsunai.songs;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static setsunai.songs.CuratedSongs.byArtist;
import static setsunai.songs.CuratedSongs.count;
import static setsunai.songs.CuratedSongs.hasMood;
import static setsunai.songs.CuratedSongs.slugsWhere;
import static setsunai.songs.CuratedSongs.usedAs;
import static setsunai.songs.CuratedSongs.yearBetween;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Public reads against the curated dataset. Songs written by {@link SongEditingTest} use only the mood HOPE,
 * the role THEME, year 2030 and test-only title slugs, so the counts asserted here hold in any test order. The
 * expected counts and slugs are read from the curated file ({@link CuratedSongs}), which grows.
 */
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
    void aSongsETagIsItsVersionAndAnswers304() {
        var response = given().get("/api/songs/torch").then().statusCode(200).extract();
        String etag = response.header("ETag");
        assertTrue(etag.equals("\"" + response.path("version") + "\""), etag);
        given().header("If-None-Match", etag).get("/api/songs/torch")
                .then().statusCode(304).body(is(""));
    }

    @Test
    void listsCarryAnETagToo() {
        String etag = given().queryParam("artist", "supercell").get("/api/songs")
                .then().statusCode(200).header("ETag", notNullValue()).extract().header("ETag");
        given().queryParam("artist", "supercell").header("If-None-Match", etag).get("/api/songs")
                .then().statusCode(304);
        given().get("/api/artists").then().statusCode(200).header("ETag", notNullValue());
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
    void batchOfManyTitlesAnswersAllTheirSongsInOneCall() {
        String[] titles = {"clannad-after-story", "your-lie-in-april", "plastic-memories"};
        List<String> expected = slugsWhere(usedAs(null, titles));
        given().queryParam("title", "clannad-after-story", "your-lie-in-april", "plastic-memories")
                .queryParam("size", 100)
                .get("/api/songs")
                .then().statusCode(200)
                .body("totalItems", equalTo(expected.size()))
                .body("items.slug", containsInAnyOrder(expected.toArray()))
                .body("items.slug", hasItems("torch", "hikaru-nara", "ring-of-fortune"));
    }

    @Test
    void titleAndRoleMatchTheSameUsage() {
        given().queryParam("title", "clannad-after-story").queryParam("role", "ending")
                .get("/api/songs")
                .then().statusCode(200)
                .body("items.slug", containsInAnyOrder(slugsWhere(usedAs("ENDING", "clannad-after-story")).toArray()))
                .body("items.slug", hasItem("torch"));
    }

    @Test
    void filtersByRoleArtistMoodAndYears() {
        given().queryParam("role", "INSERT").queryParam("size", 100).get("/api/songs")
                .then().statusCode(200)
                .body("items.slug", containsInAnyOrder(slugsWhere(usedAs("INSERT")).toArray()))
                .body("items.slug", hasItems("boku-ga-boku-de-aru-tame-ni",
                        "secret-base-kimi-ga-kureta-mono-10-years-after-ver", "sparkle"));
        given().queryParam("artist", "supercell").get("/api/songs")
                .then().statusCode(200)
                .body("items.slug", containsInAnyOrder(slugsWhere(byArtist("supercell")).toArray()))
                .body("items.slug", hasItem("kimi-no-shiranai-monogatari"));
        given().queryParam("mood", "GRIEF", "breakup").queryParam("size", 100).get("/api/songs")
                .then().statusCode(200)
                .body("totalItems", equalTo(count(hasMood("GRIEF", "BREAKUP"))))
                .body("items.findAll { !it.moods.contains('GRIEF') && !it.moods.contains('BREAKUP') }", empty());
        given().queryParam("yearFrom", 2010).queryParam("yearTo", 2012).queryParam("size", 100).get("/api/songs")
                .then().statusCode(200)
                .body("totalItems", equalTo(count(yearBetween(2010, 2012))))
                .body("items.year", everyItem(allOf(greaterThanOrEqualTo(2010), lessThanOrEqualTo(2012))));
    }

    @Test
    void sortsByYearDescending() {
        List<Integer> years = given().queryParam("sort", "-year").queryParam("yearTo", 2025).queryParam("size", 50)
                .get("/api/songs").then().statusCode(200).extract().path("items.year");
        for (int i = 1; i < years.size(); i++) {
            assertTrue(years.get(i - 1) >= years.get(i), "not descending: " + years);
        }
    }

    @Test
    void pagesHaveLinkHeaders() {
        int grief = count(hasMood("GRIEF"));
        assertTrue(grief > 15, "three full pages of GRIEF songs: " + grief);
        given().queryParam("size", 5).queryParam("page", 2).queryParam("mood", "GRIEF").get("/api/songs")
                .then().statusCode(200)
                .body("items", hasSize(5))
                .body("page", equalTo(2))
                .body("totalItems", equalTo(grief))
                .body("totalPages", equalTo((grief + 4) / 5))
                .header("Link", allOf(containsString("rel=\"first\""), containsString("rel=\"prev\""),
                        containsString("rel=\"next\""), containsString("rel=\"last\""),
                        containsString("mood=GRIEF"), containsString("page=3")));
    }

    @ParameterizedTest(name = "q={0}")
    @CsvSource({
            "kimi no shiranai monogatari, kimi-no-shiranai-monogatari",   // romanised title
            "Kimi no Shiranai Monogatri, kimi-no-shiranai-monogatari",    // typo
            "KIMI NO SHIRANAI, kimi-no-shiranai-monogatari",              // case, part of the title
            "君の知らない物語, kimi-no-shiranai-monogatari",                  // native title
            "supercell, kimi-no-shiranai-monogatari",                     // artist name
            "yoko hikasa, owaranai-uta",                                  // artist name without its accent
            "Yōko Hikasa, owaranai-uta",                                  // and with it
            "hikoki gumo, hikoki-gumo",                                   // title with an accent (Hikōki-gumo)
            "One more time One more chance, one-more-time-one-more-chance"})
    void searchFindsTitlesNativeTitlesAndArtistsBestFirst(String q, String expected) {
        given().queryParam("q", q).get("/api/songs")
                .then().statusCode(200)
                .body("items[0].slug", equalTo(expected));
    }

    @Test
    void searchThatMatchesNothingIsAnEmptyPage() {
        given().queryParam("q", "zzzqqqxxx").get("/api/songs")
                .then().statusCode(200)
                .body("items", empty())
                .body("totalItems", equalTo(0))
                .body("totalPages", equalTo(1));
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

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource({
            "mood, sad, BREAKUP, UNREQUITED, FAREWELL, GRIEF, LONGING, HOPE",
            "role, CHORUS, OPENING, ENDING, INSERT, THEME, SCORE",
            "sort, popularity, relevance, title, year",
            "size, 0, between 1 and 100",
            "size, 101, between 1 and 100",
            "page, abc, whole number",
            "yearFrom, 19x, whole number",
            "yearTo, 3000, between 1900 and 2100"})
    void badParametersAreProblemsThatSayWhatIsAllowed(String name, String value, String allowed) {
        given().queryParam(name, value).get("/api/songs")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("errors[0].field", equalTo(name))
                .body("errors[0].message", containsString(allowed));
    }

    @Test
    void everyBadParameterIsListedInOneAnswer() {
        given().queryParam("size", "many").queryParam("page", 0).queryParam("mood", "sad")
                .queryParam("yearFrom", 2012).queryParam("yearTo", 2010).queryParam("q", "x".repeat(201))
                .get("/api/songs")
                .then().statusCode(400)
                .body("errors.field", containsInAnyOrder("size", "page", "mood", "yearFrom", "q"));
    }

    @Test
    void unknownPathsAreProblems() {
        given().get("/api/nothing-here").then().statusCode(404).contentType("application/problem+json");
        given().get("/api/songs/torch/lyrics").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void listsArtistsWithSongCounts() {
        // Every artist of the curated file, with as many songs as it credits them with (the editing tests' other artists
        // are test-only, so they only add to the total), over as many pages of 100 as that takes.
        Map<String, Integer> expected = new TreeMap<>();
        CuratedSongs.songs().forEach(song -> CuratedSongs.stream(song.path("artists")).map(a -> a.path("slug").asText())
                .distinct().forEach(artist -> expected.merge(artist, 1, Integer::sum)));
        given().queryParam("size", 100).get("/api/artists")
                .then().statusCode(200)
                .body("totalItems", greaterThanOrEqualTo(expected.size()))
                .body("items", hasSize(100))
                .header("Link", containsString("rel=\"next\""));
        Map<String, Integer> listed = new TreeMap<>();
        int pages = given().queryParam("size", 100).get("/api/artists").then().extract().path("totalPages");
        for (int page = 1; page <= pages; page++) {
            List<Map<String, Object>> items = given().queryParam("size", 100).queryParam("page", page).get("/api/artists")
                    .then().statusCode(200).extract().path("items");
            items.forEach(item -> listed.put((String) item.get("slug"), (Integer) item.get("songCount")));
        }
        assertEquals(2, listed.get("kow-otani"));
        // SongEditingTest credits one curated artist, tenmon, with its test songs: at least the curated count there.
        assertTrue(listed.get("tenmon") >= expected.remove("tenmon"), "tenmon: " + listed.get("tenmon"));
        Map<String, Integer> curated = new TreeMap<>(listed);
        curated.keySet().retainAll(expected.keySet());
        assertEquals(expected, curated);
    }

    @ParameterizedTest(name = "q={0}")
    @CsvSource({"yoko hikasa, yoko-hikasa", "Kow Otanni, kow-otani", "SUPERCELL, supercell"})
    void searchesArtistsByName(String q, String expected) {
        given().queryParam("q", q).get("/api/artists")
                .then().statusCode(200)
                .body("items[0].slug", equalTo(expected));
    }

    @Test
    void oneArtistWithTheirSongsAndRoles() {
        given().get("/api/artists/yui")
                .then().statusCode(200)
                .body("name", equalTo("YUI"))
                .body("songCount", equalTo(1))
                .body("songs[0].slug", equalTo("again"))
                .body("songs[0].roles", hasItems("PERFORMER", "COMPOSER"))
                .body("songs[0].usages[0].titleSlug", notNullValue());
        given().get("/api/artists/nobody-at-all")
                .then().statusCode(404).contentType("application/problem+json");
        given().queryParam("size", 500).get("/api/artists")
                .then().statusCode(400).body("errors[0].field", equalTo("size"));
    }

    @Test
    void readyOnlyWithTheDataset() {
        given().get("/q/health/ready")
                .then().statusCode(200)
                .body("checks.find { it.name == 'songs dataset' }.status", equalTo("UP"));
    }

    @Test
    void openApiDescribesEveryOperationWithTags() {
        given().queryParam("format", "json").get("/q/openapi")
                .then().statusCode(200)
                .body("tags.name", hasItems("Songs", "Artists", "Editing"))
                .body("paths.'/api/songs'.get.parameters.name",
                        hasItems("q", "artist", "mood", "role", "title", "yearFrom", "yearTo", "sort", "page", "size"))
                .body("paths.'/api/songs'.post.tags", hasItem("Editing"))
                .body("paths.'/api/songs'.get.tags", not(hasItem("Editing")))
                .body("paths.'/api/songs/{slug}'.put.responses.'412'.content.'application/problem+json'.schema.'$ref'",
                        equalTo("#/components/schemas/Problem"))
                .body("paths.'/api/songs/{slug}'.put.responses.keySet()", hasItems("200", "401", "403", "412", "428"))
                .body("paths.'/api/songs/import'.post.responses.'200'.content.'application/json'.schema.'$ref'",
                        startsWith("#/components/schemas/ImportReport"));
    }
}
