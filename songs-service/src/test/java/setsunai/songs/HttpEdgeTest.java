package setsunai.songs;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import setsunai.testsupport.Tokens;
import setsunai.testsupport.checks.EditableCollection;
import setsunai.testsupport.checks.HttpEdgeChecks;

/**
 * Odd requests at the HTTP layer (issue 10, items 2 to 4): each is a 4xx problem+json naming what is wrong, never a
 * 500 or an empty body, and nothing of a rejected write is stored. Raw sockets send what HTTP clients refuse to.
 * Songs written here use the year 2030 and test-only slugs (zz-edge-...), as in SongEditingTest.
 */
@QuarkusTest
class HttpEdgeTest extends HttpEdgeChecks {

    @Override
    protected EditableCollection collection() {
        return new EditableSongs();
    }

    private static String song(String slug, String title) {
        return """
                {"slug": "%s", "title": "%s", "year": 2030, "moods": ["HOPE"],
                 "artists": [{"slug": "zz-edge-artist", "name": "Edge Artist", "role": "PERFORMER"}],
                 "usages": [{"titleSlug": "test-only-title", "titleName": "Test Only", "role": "THEME", "sequence": 1}]}"""
                .formatted(slug, title);
    }

    // ---- item 2 ---------------------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"/api/songs?q=%00", "/api/songs?q=a%00b", "/api/songs?artist=supercell%00",
            "/api/songs?title=nana%00", "/api/songs?mood=HOPE%00", "/api/artists?q=a%00b", "/api/songs?q=a%1Fb"})
    void controlCharactersInAQueryAreA400NamingTheParameter(String target) throws IOException {
        JsonPath problem = problem(get(target), 400);
        assertField(problem, target.substring(target.indexOf('?') + 1, target.indexOf('=')));
        assertTrue(problem.getString("detail").contains("control characters"), problem.prettify());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/songs/a%00b", "/api/artists/a%00b", "/api/songs/torch%7F"})
    void controlCharactersInAPathAreA400(String target) throws IOException {
        assertField(problem(get(target), 400), "path");
    }

    @Test
    void nulInAJsonStringIsA400NamingTheField() throws IOException {
        assertField(problem(sendJson("POST", "/api/songs", song("zz-edge-nul", "a\\u0000b")), 400), "title");
        assertField(problem(sendJson("POST", "/api/songs", song("zz-edge-nul", "Fine")
                .replace("\"Edge Artist\"", "\"Edge\\u0000Artist\"")), 400), "artists[0].name");
        assertField(problem(sendJson("POST", "/api/songs", song("zz-edge-nul", "Fine")
                .replace("\"sequence\": 1", "\"sequence\": 1, \"note\": \"x\\u0000\"")), 400), "usages[0].note");
        assertField(problem(sendJson("PUT", "/api/songs/torch", song("torch", "Torch\\u0000")), 400), "title");
        assertAbsent("zz-edge-nul");
    }

    @Test
    void aDuplicateKeyIsA400NamingIt() throws IOException {
        assertField(problem(sendJson("POST", "/api/songs", song("zz-edge-dup", "Dup")
                .replace("\"year\": 2030", "\"year\": 2030, \"title\": \"Again\"")), 400), "title");
        assertField(problem(sendJson("POST", "/api/songs", song("zz-edge-dup", "Dup")
                .replace("\"role\": \"THEME\"", "\"role\": \"THEME\", \"role\": \"INSERT\"")), 400), "usages[0].role");
        assertField(problem(sendJson("PUT", "/api/songs/torch", song("torch", "Torch")
                .replace("\"year\": 2030", "\"year\": 2030, \"year\": 2031")), 400), "year");
        assertAbsent("zz-edge-dup");
    }

    @ParameterizedTest
    @ValueSource(ints = {40, 800, 999})
    void deeplyNestedJsonIsA400(int depth) throws IOException {
        // An unknown field is skipped, but still parsed: its depth counts.
        String body = song("zz-edge-deep", "Deep").replace("\"year\": 2030",
                "\"year\": 2030, \"extra\": " + "{\"a\": ".repeat(depth) + "1" + "}".repeat(depth));
        JsonPath problem = problem(sendJson("POST", "/api/songs", body), 400);
        assertTrue(problem.getString("detail").contains("nested too deeply"), problem.prettify());
        assertAbsent("zz-edge-deep");
    }

    // ---- item 3 ---------------------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"/api/artists?q=%FE", "/api/artists/a%C0%AFb", "/api/songs?artist=%FF"})
    void invalidUtf8InOtherParametersIsA400(String target) throws IOException {
        assertTrue(problem(get(target), 400).getString("detail").contains("UTF-8"));
    }

    @Test
    void onlyUnicodeSpacesAreBlank() {
        given().auth().oauth2(Tokens.editor()).contentType("application/json; charset=UTF-8")
                .body(song("zz-edge-blank", "\u00A0\u3000\u2003"))
                .post("/api/songs")
                .then().statusCode(400).contentType(PROBLEM).body("errors.field", hasItems("title"));
        given().auth().oauth2(Tokens.editor()).contentType("application/json; charset=UTF-8")
                .body(song("zz-edge-blank", "Fine").replace("\"titleSlug\": \"test-only-title\"", "\"titleSlug\": \"\u00A0\""))
                .post("/api/songs")
                .then().statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("usages[0].titleSlug"));
        assertAbsent("zz-edge-blank");
    }

    @ParameterizedTest
    @ValueSource(strings = {"-", "--title", "", "+", "-%20title"})
    void aSortWithoutAKnownOrderIsA400ListingTheAllowedOnes(String sort) throws IOException {
        JsonPath problem = problem(get("/api/songs?sort=" + sort), 400);
        assertField(problem, "sort");
        assertTrue(problem.getString("detail").contains("relevance, title, year"), problem.prettify());
        given().queryParam("sort", "-year").get("/api/songs").then().statusCode(200);
    }

    // ---- item 4 ---------------------------------------------------------------------------------------------------

}
