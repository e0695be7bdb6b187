package setsunai.catalog;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
 */
@QuarkusTest
class HttpEdgeTest {

    private static final String PROBLEM = "application/problem+json";

    private static String title(String slug, String name) {
        return """
                {"slug": "%s", "title": "%s", "format": "TV", "tags": ["grief"], "ending": "OPEN", "tearjerker": 5}"""
                .formatted(slug, name);
    }

    private static RawHttp.Response raw(String request) throws IOException {
        return RawHttp.send(RestAssured.port, request);
    }

    private static RawHttp.Response raw(byte[] request) throws IOException {
        return RawHttp.send(RestAssured.port, request);
    }

    private static RawHttp.Response get(String target) throws IOException {
        return raw("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
    }

    /** A request with the given body bytes, sent as they are. */
    private static RawHttp.Response send(String method, String path, String type, byte[] body) throws IOException {
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        request.writeBytes((method + " " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                + "Authorization: Bearer " + Tokens.editor() + "\r\nIf-Match: \"0\"\r\nContent-Type: " + type
                + "\r\nContent-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
        request.writeBytes(body);
        return raw(request.toByteArray());
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
        given().get("/api/titles/" + slug).then().statusCode(404);
    }

    // ---- item 2: NUL and other control characters ---------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"/api/titles?studio=%00", "/api/titles?q=a%00b", "/api/titles?tag=grief%00",
            "/api/titles?slug=nana%00", "/api/titles?sort=title%00", "/api/titles?q=a%01b", "/api/tags?q=%00",
            "/api/studios?q=a%00"})
    void controlCharactersInAQueryAreA400NamingTheParameter(String target) throws IOException {
        JsonPath problem = problem(get(target), 400);
        String parameter = target.substring(target.indexOf('?') + 1, target.indexOf('='));
        assertField(problem, parameter);
        assertTrue(problem.getString("detail").contains("control characters"), problem.prettify());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/titles/a%00b", "/api/titles/a%00b/similar", "/api/titles/%0a"})
    void controlCharactersInAPathAreA400(String target) throws IOException {
        assertField(problem(get(target), 400), "path");
    }

    @Test
    void nulInAJsonStringIsA400NamingTheField() throws IOException {
        String body = """
                {"slug": "zz-edge-nul", "title": "a\\u0000b", "format": "TV", "tags": ["grief"], "ending": "OPEN",
                 "tearjerker": 5, "studios": ["ok", "x\\u0000"], "externalIds": {"m\\u0000al": 1}}""";
        JsonPath problem = problem(send("POST", "/api/titles", "application/json", body.getBytes(StandardCharsets.UTF_8)), 400);
        assertField(problem, "title");
        problem = problem(send("POST", "/api/titles", "application/json",
                title("zz-edge-nul", "fine").replace("\"TV\"", "\"TV\", \"studios\": [\"ok\", \"x\\u0007\"]")
                        .getBytes(StandardCharsets.UTF_8)), 400);
        assertField(problem, "studios[1]");
        problem = problem(send("POST", "/api/titles", "application/json",
                title("zz-edge-nul", "fine").replace("\"TV\"", "\"TV\", \"externalIds\": {\"m\\u0000al\": 1}")
                        .getBytes(StandardCharsets.UTF_8)), 400);
        assertField(problem, "externalIds");
        // Nested free-form keys and values too (externalIds is jsonb, which refuses NUL).
        problem = problem(send("POST", "/api/titles", "application/json",
                title("zz-edge-nul", "fine").replace("\"TV\"", "\"TV\", \"externalIds\": {\"a\": {\"b\u0000\": [\"x\"]}}")
                        .getBytes(StandardCharsets.UTF_8)), 400);
        assertTrue(problem.getList("errors.field").toString().contains("externalIds"), problem.prettify());
        problem = problem(send("POST", "/api/titles", "application/json",
                title("zz-edge-nul", "fine").replace("\"TV\"", "\"TV\", \"externalIds\": {\"a\": [{\"b\": \"\u0000\"}]}")
                        .getBytes(StandardCharsets.UTF_8)), 400);
        assertTrue(problem.getList("errors.field").toString().contains("externalIds"), problem.prettify());
        problem = problem(send("PUT", "/api/titles/nana", "application/json",
                title("nana", "Nana\\u0000").getBytes(StandardCharsets.UTF_8)), 400);
        assertField(problem, "title");
        assertAbsent("zz-edge-nul");
        // Free text keeps its line breaks and tabs.
        given().auth().oauth2(Tokens.editor()).contentType("application/json")
                .body(title("zz-edge-text", "Fine").replace("\"TV\"", "\"TV\", \"synopsis\": \"one\\n\\ttwo\""))
                .post("/api/titles").then().statusCode(201);
    }

    @Test
    void aDuplicateKeyIsA400NamingIt() throws IOException {
        String twice = title("zz-edge-dup", "Dup").replace("\"format\": \"TV\"", "\"format\": \"TV\", \"slug\": \"zz-edge-dup2\"");
        JsonPath problem = problem(send("POST", "/api/titles", "application/json", twice.getBytes(StandardCharsets.UTF_8)), 400);
        assertField(problem, "slug");
        assertTrue(problem.getString("detail").contains("more than once"), problem.prettify());
        String nested = title("zz-edge-dup", "Dup").replace("\"TV\"", "\"TV\", \"externalIds\": {\"mal\": 1, \"mal\": 2}");
        assertField(problem(send("POST", "/api/titles", "application/json", nested.getBytes(StandardCharsets.UTF_8)), 400),
                "externalIds.mal");
        assertField(problem(send("PUT", "/api/titles/nana", "application/json",
                title("nana", "Nana").replace("\"tearjerker\": 5", "\"tearjerker\": 5, \"tearjerker\": 6")
                        .getBytes(StandardCharsets.UTF_8)), 400), "tearjerker");
        assertAbsent("zz-edge-dup");
        assertAbsent("zz-edge-dup2");
    }

    @Test
    void aBodyThatIsNotAnObjectIsA400InPlainWords() throws IOException {
        for (String body : List.of("[]", "[[1]]", "\"title\"", "7")) {
            JsonPath problem = problem(send("POST", "/api/titles", "application/json", body.getBytes(StandardCharsets.UTF_8)), 400);
            assertField(problem, "body");
            // Jackson's own words name our record class; a client must never see them.
            assertTrue(problem.getString("detail").contains("must be a JSON object"), problem.prettify());
            assertFalse(problem.prettify().contains("setsunai") || problem.prettify().contains("TitleInput"), problem.prettify());
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {40, 800, 999, 1500})
    void deeplyNestedJsonIsA400(int depth) throws IOException {
        String body = title("zz-edge-deep", "Deep").replace("\"TV\"", "\"TV\", \"externalIds\": {\"a\": "
                + "[".repeat(depth) + "]".repeat(depth) + "}");
        JsonPath problem = problem(send("POST", "/api/titles", "application/json", body.getBytes(StandardCharsets.UTF_8)), 400);
        assertField(problem, "externalIds");
        assertTrue(problem.getString("detail").contains("nested too deeply"), problem.prettify());
        assertAbsent("zz-edge-deep");
    }

    @Test
    void http10WithoutHostIsA400NamingTheHeader() throws IOException {
        JsonPath problem = problem(raw("GET /api/titles HTTP/1.0\r\n\r\n"), 400);
        assertField(problem, "Host");
        problem(raw("GET /api/titles/nana HTTP/1.0\r\n\r\n"), 400);
        // HTTP/1.1 requires Host; Vert.x Web refuses it before any route, which must not show its exception.
        assertField(problem(raw("GET /api/titles HTTP/1.1\r\nConnection: close\r\n\r\n"), 400), "Host");
    }

    // ---- item 3: invalid UTF-8, blank-looking text, sort ---------------------------------------------------------

    @Test
    void overlongUtf8InABodyIsA400AndNothingIsStored() throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(title("zz-edge-overlong", "a").getBytes(StandardCharsets.UTF_8));
        byte[] bytes = body.toByteArray();
        String text = new String(bytes, StandardCharsets.ISO_8859_1).replace("\"title\": \"a\"", "\"title\": \"a\u00C0\u00AFb\"");
        JsonPath problem = problem(send("POST", "/api/titles", "application/json", text.getBytes(StandardCharsets.ISO_8859_1)), 400);
        assertField(problem, "body");
        assertTrue(problem.getString("detail").contains("UTF-8"), problem.prettify());
        assertAbsent("zz-edge-overlong");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/titles/a%C0%AFb", "/api/titles?q=a%C0%AFb", "/api/titles?studio=%FF", "/api/titles?q=%ED%A0%80"})
    void invalidUtf8InTheUrlIsA400(String target) throws IOException {
        JsonPath problem = problem(get(target), 400);
        assertTrue(problem.getString("detail").contains("UTF-8"), problem.prettify());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/titles?q=\"x\"", "/api/titles?q=%zz", "/api/titles/a%2", "/api/titles?q=a|b", "/api/titles/{x}"})
    void anIllegalCharacterOrBrokenEscapeInTheUrlIsA400(String target) throws IOException {
        JsonPath problem = problem(get(target), 400);
        assertField(problem, "url");
        assertTrue(problem.getString("detail").contains("%-"), problem.prettify());
    }

    @Test
    void invalidUtf8InAnImportIsRejectedAndNothingIsStored() throws IOException {
        String lines = title("zz-edge-import-ok", "Fine") + "\n" + title("zz-edge-import-bad", "bad\u00FF");
        JsonPath problem = problem(send("POST", "/api/titles/import", "application/x-ndjson",
                lines.getBytes(StandardCharsets.ISO_8859_1)), 400);
        assertTrue(problem.getString("detail").contains("line 2 is not valid UTF-8"), problem.prettify());
        assertAbsent("zz-edge-import-ok");
        assertAbsent("zz-edge-import-bad");
    }

    @Test
    void onlyUnicodeSpacesAreBlank() {
        String body = title("zz-edge-blank", "\u00A0\u3000").replace("\"TV\"",
                "\"TV\", \"studios\": [\"\u2007\"], \"streaming\": [\"\u2003\u200B\"], \"alternativeTitles\": [\"\u3164\"]");
        given().auth().oauth2(Tokens.editor()).contentType("application/json; charset=UTF-8").body(body)
                .post("/api/titles")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItems("title", "studios[0]", "streaming[0]", "alternativeTitles[0]"));
        // U+0085 (NEXT LINE) is a control character: refused as such.
        given().auth().oauth2(Tokens.editor()).contentType("application/json; charset=UTF-8")
                .body(title("zz-edge-blank", "\u0085")).post("/api/titles")
                .then().statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("title"));
        // The same rule for each line of an import.
        given().auth().oauth2(Tokens.editor()).contentType("application/x-ndjson")
                .body(title("zz-edge-blank", "\u2003").getBytes(StandardCharsets.UTF_8))
                .post("/api/titles/import")
                .then().statusCode(200).body("rejected[0].errors.field", hasItem("title"));
        assertAbsent("zz-edge-blank");
    }

    @ParameterizedTest
    @ValueSource(strings = {"-", "--title", "", "%2B", "-%20title"})
    void aSortWithoutAKnownOrderIsA400ListingTheAllowedOnes(String sort) throws IOException {
        JsonPath problem = problem(get("/api/titles?sort=" + sort), 400);
        assertField(problem, "sort");
        assertTrue(problem.getString("detail").contains("tearjerker"), problem.prettify());
        given().queryParam("sort", "-tearjerker").get("/api/titles").then().statusCode(200);
    }

    // ---- item 4: errors from the HTTP layer are problem+json too ---------------------------------------------------

    @Test
    void aLongUrlIsA414Problem() throws IOException {
        JsonPath problem = problem(get("/api/titles?q=" + "a".repeat(5000)), 414);
        assertField(problem, "url");
    }

    @Test
    void largeHeadersAreA431Problem() throws IOException {
        RawHttp.Response response = raw("GET /api/titles HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\nX-Big: "
                + "a".repeat(21_000) + "\r\n\r\n");
        assertField(problem(response, 431), "headers");
    }

    @Test
    void optionsStarIsAProblem() throws IOException {
        problem(raw("OPTIONS * HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"), 404);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/titles/import|application/x-ndjson", "/api/titles|application/json"})
    void aChunkedBodyOverTheLimitIsA413Problem(String target) throws IOException {
        String[] parts = target.split("\\|");
        StringBuilder request = new StringBuilder("POST " + parts[0] + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                + "Authorization: Bearer " + Tokens.editor() + "\r\nContent-Type: " + parts[1]
                + "\r\nTransfer-Encoding: chunked\r\n\r\n");
        String line = title("zz-edge-chunked", "Chunked") + "\n";
        String chunk = line.repeat(64 * 1024 / line.length());
        for (int i = 0; i < 40; i++) {
            request.append(Integer.toHexString(chunk.length())).append("\r\n").append(chunk).append("\r\n");
        }
        request.append("0\r\n\r\n");
        problem(raw(request.toString()), 413);
        assertAbsent("zz-edge-chunked");
    }

    @Test
    void aSmallChunkedBodyStillWorks() throws IOException {
        String body = title("zz-edge-small-chunked", "Small Chunked");
        RawHttp.Response response = raw("POST /api/titles HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                + "Authorization: Bearer " + Tokens.editor() + "\r\nContent-Type: application/json\r\n"
                + "Transfer-Encoding: chunked\r\n\r\n" + Integer.toHexString(body.length()) + "\r\n" + body + "\r\n0\r\n\r\n");
        assertEquals(201, response.status(), response.bodyText());
        given().get("/api/titles/zz-edge-small-chunked").then().statusCode(200);
    }
}
