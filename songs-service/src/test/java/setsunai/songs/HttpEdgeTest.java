package setsunai.songs;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import setsunai.testsupport.RawHttp;
import setsunai.testsupport.Tokens;

/**
 * Odd requests at the HTTP layer (issue 10, items 2 to 4): each is a 4xx problem+json naming what is wrong, never a
 * 500 or an empty body, and nothing of a rejected write is stored. Raw sockets send what HTTP clients refuse to.
 * Songs written here use the year 2030 and test-only slugs (zz-edge-...), as in SongEditingTest.
 */
@QuarkusTest
class HttpEdgeTest {

    private static final String PROBLEM = "application/problem+json";

    private static String song(String slug, String title) {
        return """
                {"slug": "%s", "title": "%s", "year": 2030, "moods": ["HOPE"],
                 "artists": [{"slug": "zz-edge-artist", "name": "Edge Artist", "role": "PERFORMER"}],
                 "usages": [{"titleSlug": "test-only-title", "titleName": "Test Only", "role": "THEME", "sequence": 1}]}"""
                .formatted(slug, title);
    }

    private static RawHttp.Response raw(String request) throws IOException {
        return RawHttp.send(RestAssured.port, request);
    }

    private static RawHttp.Response get(String target) throws IOException {
        return raw("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
    }

    private static RawHttp.Response send(String method, String path, String type, byte[] body) throws IOException {
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        request.writeBytes((method + " " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                + "Authorization: Bearer " + Tokens.editor() + "\r\nIf-Match: \"0\"\r\nContent-Type: " + type
                + "\r\nContent-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
        request.writeBytes(body);
        return RawHttp.send(RestAssured.port, request.toByteArray());
    }

    private static RawHttp.Response sendJson(String method, String path, String json) throws IOException {
        return send(method, path, "application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    private static JsonPath problem(RawHttp.Response response, int status) {
        assertEquals(status, response.status(), response.bodyText());
        assertTrue(response.contentType() != null && response.contentType().startsWith(PROBLEM), response.toString());
        JsonPath json = JsonPath.from(response.bodyText());
        assertEquals(status, json.getInt("status"));
        return json;
    }

    private static void assertField(JsonPath problem, String field) {
        List<String> fields = problem.getList("errors.field");
        assertTrue(fields.contains(field), "errors should name " + field + ": " + fields);
    }

    private static void assertAbsent(String slug) {
        given().get("/api/songs/" + slug).then().statusCode(404);
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

    @Test
    void http10WithoutHostIsA400NamingTheHeader() throws IOException {
        assertField(problem(raw("GET /api/songs HTTP/1.0\r\n\r\n"), 400), "Host");
    }

    // ---- item 3 ---------------------------------------------------------------------------------------------------

    @Test
    void overlongUtf8InABodyIsA400AndNothingIsStored() throws IOException {
        String text = song("zz-edge-overlong", "a\u00C0\u00AFb");
        JsonPath problem = problem(send("POST", "/api/songs", "application/json", text.getBytes(StandardCharsets.ISO_8859_1)), 400);
        assertTrue(problem.getString("detail").contains("UTF-8"), problem.prettify());
        assertAbsent("zz-edge-overlong");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/songs/a%C0%AFb", "/api/songs?q=a%C0%AFb", "/api/artists?q=%FE"})
    void invalidUtf8InTheUrlIsA400(String target) throws IOException {
        assertTrue(problem(get(target), 400).getString("detail").contains("UTF-8"));
    }

    @Test
    void anIllegalCharacterInTheUrlIsA400() throws IOException {
        assertField(problem(get("/api/songs?q=\"x\""), 400), "url");
    }

    @Test
    void invalidUtf8InAnImportIsRejectedAndNothingIsStored() throws IOException {
        String lines = song("zz-edge-import-ok", "Fine").replace("\n", " ") + "\n"
                + song("zz-edge-import-bad", "bad\u00FF").replace("\n", " ");
        JsonPath problem = problem(send("POST", "/api/songs/import", "application/x-ndjson",
                lines.getBytes(StandardCharsets.ISO_8859_1)), 400);
        assertTrue(problem.getString("detail").contains("line 2 is not valid UTF-8"), problem.prettify());
        assertAbsent("zz-edge-import-ok");
        assertAbsent("zz-edge-import-bad");
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

    @Test
    void aLongUrlIsA414Problem() throws IOException {
        assertField(problem(get("/api/songs?q=" + "a".repeat(5000)), 414), "url");
    }

    @Test
    void largeHeadersAreA431Problem() throws IOException {
        assertField(problem(raw("GET /api/songs HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\nX-Big: "
                + "a".repeat(21_000) + "\r\n\r\n"), 431), "headers");
    }

    @Test
    void optionsStarIsAProblem() throws IOException {
        problem(raw("OPTIONS * HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"), 404);
    }

    @Test
    void aChunkedBodyOverTheLimitIsA413Problem() throws IOException {
        StringBuilder request = new StringBuilder("POST /api/songs/import HTTP/1.1\r\nHost: localhost\r\n"
                + "Connection: close\r\nAuthorization: Bearer " + Tokens.editor()
                + "\r\nContent-Type: application/x-ndjson\r\nTransfer-Encoding: chunked\r\n\r\n");
        String line = song("zz-edge-chunked", "Chunked").replace("\n", " ") + "\n";
        String chunk = line.repeat(64 * 1024 / line.length());
        for (int i = 0; i < 40; i++) {
            request.append(Integer.toHexString(chunk.length())).append("\r\n").append(chunk).append("\r\n");
        }
        request.append("0\r\n\r\n");
        problem(raw(request.toString()), 413);
        assertAbsent("zz-edge-chunked");
    }
}
