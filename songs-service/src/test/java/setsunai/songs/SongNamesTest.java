package setsunai.songs;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.anEmptyMap;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import setsunai.testsupport.Tokens;

/**
 * Songs' alternative titles and external ids through the API and the import: stored, shown, searched like the title,
 * and checked. Songs written here follow SongEditingTest's rules (mood HOPE, role THEME, a test-only title slug, year
 * 2030), so the read tests' counts hold, and their names are made-up words no curated song uses.
 */
@QuarkusTest
class SongNamesTest {

    private static final String EDITOR = Tokens.editor();
    private static final String MBID = "6F9619FF-8B86-D011-B42D-00C04FC964FF"; // the format only: no recording has it

    private static String song(String slug, String alternativeTitles, String externalIds) {
        return """
                {"slug": "%s", "title": "Test Zorblat Song", "year": 2030, "moods": ["HOPE"],
                 "alternativeTitles": %s, "externalIds": %s,
                 "artists": [{"slug": "tenmon", "role": "PERFORMER"}],
                 "usages": [{"titleSlug": "test-only-names", "role": "THEME"}]}"""
                .formatted(slug, alternativeTitles, externalIds);
    }

    private static RequestSpecification editor() {
        return given().auth().oauth2(EDITOR).contentType(ContentType.JSON);
    }

    @Test
    void aCuratedSongShowsItsNamesAndNoIdsItDoesNotHave() {
        given().get("/api/songs/owaranai-uta")
                .then().statusCode(200)
                .body("alternativeTitles", hasItem("Endless Poem"))
                .body("externalIds", anEmptyMap());
        given().get("/api/songs/torch")
                .then().statusCode(200)
                .body("alternativeTitles", empty())
                .body("externalIds", anEmptyMap());
        // The one id verified so far (AnimeThemes' API documentation names song 3373 "staple stable",
        // Bakemonogatari's first opening): stored as the file gives it, an integer.
        given().get("/api/songs/staple-stable")
                .then().statusCode(200)
                .body("externalIds.animethemes", equalTo(3373))
                .body("externalIds", not(hasKey("musicbrainz")));
    }

    @ParameterizedTest(name = "q={0}")
    @CsvSource({
            "endless poem, owaranai-uta",        // the English name, lower case
            "Endless Poém, owaranai-uta",        // an accent the name does not have
            "ENDLESS POEM, owaranai-uta",        // case
            "endles poem, owaranai-uta",         // a typo
            "endless, owaranai-uta",             // one word of it
            "your memory, kimi-no-kioku",
            "Your Memry, kimi-no-kioku",
            "the story you don't know, kimi-no-shiranai-monogatari"})
    void searchFindsAlternativeTitlesLikeTitles(String q, String expected) {
        given().queryParam("q", q).get("/api/songs")
                .then().statusCode(200)
                .body("items[0].slug", equalTo(expected));
    }

    @Test
    void writtenNamesAndIdsAreStoredShownAndSearched() {
        String slug = "test-names-written";
        editor().body(song(slug, "[\" Kumoribi no Tegami \", \"Letter on a Cloudy Day\"]",
                        "{\"musicbrainz\": \"" + MBID + "\", \"animethemes\": 4242}"))
                .post("/api/songs")
                .then().statusCode(201)
                .body("alternativeTitles", contains("Kumoribi no Tegami", "Letter on a Cloudy Day"))
                // stored in one canonical form: an MBID in lower case
                .body("externalIds.musicbrainz", equalTo(MBID.toLowerCase()))
                .body("externalIds.animethemes", equalTo(4242));
        given().queryParam("q", "kumoribi no tegmi").get("/api/songs")
                .then().statusCode(200).body("items[0].slug", equalTo(slug));

        // A PUT replaces them: the old name no longer finds the song, the new one does; a null id is left out.
        String etag = given().get("/api/songs/" + slug).then().extract().header("ETag");
        editor().header("If-Match", etag)
                .body(song(slug, "[\"Hareruya no Shirabe\"]", "{\"musicbrainz\": null, \"animethemes\": 4243}"))
                .put("/api/songs/" + slug)
                .then().statusCode(200)
                .body("alternativeTitles", contains("Hareruya no Shirabe"))
                .body("externalIds.animethemes", equalTo(4243))
                .body("externalIds", not(hasKey("musicbrainz")))
                .body("version", equalTo(2));
        given().queryParam("q", "Kumoribi no Tegami").get("/api/songs")
                .then().statusCode(200).body("items.slug", not(hasItem(slug)));
        given().queryParam("q", "hareruya shirabe").get("/api/songs")
                .then().statusCode(200).body("items[0].slug", equalTo(slug));

        // The same song with the null id simply left out is no change: the version stays.
        etag = given().get("/api/songs/" + slug).then().extract().header("ETag");
        editor().header("If-Match", etag)
                .body(song(slug, "[\"Hareruya no Shirabe\"]", "{\"animethemes\": 4243}"))
                .put("/api/songs/" + slug)
                .then().statusCode(200).body("version", equalTo(2));

        editor().delete("/api/songs/" + slug).then().statusCode(204);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "unknown key|[]|{\"spotify\": \"abc\"}|externalIds.spotify|allowed keys: musicbrainz, animethemes",
            "MBID not a UUID|[]|{\"musicbrainz\": \"not-a-uuid\"}|externalIds.musicbrainz|UUID",
            "MBID as a number|[]|{\"musicbrainz\": 12}|externalIds.musicbrainz|UUID",
            "AnimeThemes id as text|[]|{\"animethemes\": \"12\"}|externalIds.animethemes|whole number",
            "AnimeThemes id zero|[]|{\"animethemes\": 0}|externalIds.animethemes|from 1",
            "AnimeThemes id negative|[]|{\"animethemes\": -3}|externalIds.animethemes|from 1",
            "AnimeThemes id fraction|[]|{\"animethemes\": 1.5}|externalIds.animethemes|whole number",
            "AnimeThemes id too large|[]|{\"animethemes\": 2147483648}|externalIds.animethemes|2147483647",
            "same name twice|[\"Kumo no Uta\", \"KUMO NO UTA\"]|{}|alternativeTitles[1]|repeats alternativeTitles[0]",
            "blank name|[\"\\u3000\"]|{}|alternativeTitles[0]|blank",
            "null name|[null]|{}|alternativeTitles[0]|blank",
            "a {template} in a name twice|[\"a {max} ${1+1}\", \"A {MAX} ${1+1}\"]|{}|alternativeTitles[1]|A {MAX} ${1+1}"})
    void badNamesAndIdsAreA400NamingTheField(String name, String titles, String ids, String field, String message) {
        editor().body(song("test-names-bad", titles, ids)).post("/api/songs")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo(field))
                .body("errors[0].message", containsString(message));
        given().get("/api/songs/test-names-bad").then().statusCode(404);
    }

    @Test
    void tooManyOrTooLongNamesAreRefused() {
        String longName = "[\"" + "a".repeat(201) + "\"]";
        editor().body(song("test-names-long", longName, "{}")).post("/api/songs")
                .then().statusCode(400).body("errors[0].field", equalTo("alternativeTitles[0]"))
                .body("errors[0].message", containsString("200"));
        String many = IntStream.rangeClosed(1, 21).mapToObj(i -> "\"Name " + i + "\"")
                .collect(Collectors.joining(", ", "[", "]"));
        editor().body(song("test-names-many", many, "{}")).post("/api/songs")
                .then().statusCode(400).body("errors[0].field", equalTo("alternativeTitles"))
                .body("errors[0].message", containsString("20"));
        String twenty = IntStream.rangeClosed(1, 20).mapToObj(i -> "\"Zorblat Name " + i + "\"")
                .collect(Collectors.joining(", ", "[", "]"));
        editor().body(song("test-names-twenty", twenty, "{}")).post("/api/songs").then().statusCode(201);
        editor().delete("/api/songs/test-names-twenty").then().statusCode(204);
        // 200 characters is allowed
        editor().body(song("test-names-200", "[\"" + "b".repeat(200) + "\"]", "{}")).post("/api/songs")
                .then().statusCode(201);
        editor().delete("/api/songs/test-names-200").then().statusCode(204);
    }

    @Test
    void theImportChecksAndStoresThemAlike() {
        String body = String.join("\n",
                song("test-names-import-good", "[\"Yuugure no Kane\"]", "{\"animethemes\": 77}").replace("\n", " "),
                song("test-names-import-bad", "[\"x\", \"X\"]", "{\"spotify\": 1}").replace("\n", " "));
        given().auth().oauth2(EDITOR).contentType("application/x-ndjson").body(body.getBytes(StandardCharsets.UTF_8))
                .post("/api/songs/import")
                .then().statusCode(200)
                .body("created", equalTo(1))
                .body("rejected.line", contains(2))
                .body("rejected[0].errors.field", contains("alternativeTitles[1]", "externalIds.spotify"));
        given().get("/api/songs/test-names-import-good")
                .then().statusCode(200)
                .body("alternativeTitles", contains("Yuugure no Kane"))
                .body("externalIds.animethemes", equalTo(77));
        given().queryParam("q", "yuugure no kane").get("/api/songs")
                .then().statusCode(200).body("items[0].slug", equalTo("test-names-import-good"));
        given().get("/api/songs/test-names-import-bad").then().statusCode(404);
        editor().delete("/api/songs/test-names-import-good").then().statusCode(204);
    }

    @Test
    void leftOutTheyAreEmpty() {
        editor().body("""
                        {"slug": "test-names-none", "title": "Test Zorblat None", "year": 2030, "moods": ["HOPE"],
                         "artists": [{"slug": "tenmon", "role": "PERFORMER"}],
                         "usages": [{"titleSlug": "test-only-names", "role": "THEME"}]}""")
                .post("/api/songs")
                .then().statusCode(201)
                .body("alternativeTitles", equalTo(Collections.emptyList()))
                .body("externalIds", anEmptyMap());
        editor().delete("/api/songs/test-names-none").then().statusCode(204);
    }
}
