package setsunai.testsupport.checks;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
 * Odd requests at the HTTP layer, the same in every data service: each is a 4xx problem+json naming what is wrong,
 * never a 500 or an empty body, and nothing of a rejected write is stored. Raw sockets send what HTTP clients refuse
 * to. A service's test extends this with {@code @QuarkusTest} and adds the checks of its own fields.
 */
public abstract class HttpEdgeChecks {

    protected static final String PROBLEM = "application/problem+json";

    protected abstract EditableCollection collection();

    // ---- what the checks are made of ----------------------------------------------------------------------------

    protected static RawHttp.Response raw(String request) throws IOException {
        return RawHttp.send(RestAssured.port, request);
    }

    protected static RawHttp.Response get(String target) throws IOException {
        return raw("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
    }

    /** An editor's request with the given body bytes, sent as they are. */
    protected static RawHttp.Response send(String method, String path, String type, byte[] body) throws IOException {
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        request.writeBytes((method + " " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                + "Authorization: Bearer " + Tokens.editor() + "\r\nIf-Match: \"0\"\r\nContent-Type: " + type
                + "\r\nContent-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
        request.writeBytes(body);
        return RawHttp.send(RestAssured.port, request.toByteArray());
    }

    protected static RawHttp.Response sendJson(String method, String path, String json) throws IOException {
        return send(method, path, "application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    protected static JsonPath problem(RawHttp.Response response, int status) {
        assertEquals(status, response.status(), response.bodyText());
        assertTrue(response.contentType() != null && response.contentType().startsWith(PROBLEM), response.toString());
        JsonPath json = JsonPath.from(response.bodyText());
        assertEquals(status, json.getInt("status"));
        return json;
    }

    protected static void assertField(JsonPath problem, String field) {
        List<String> fields = problem.getList("errors.field");
        assertTrue(fields.contains(field), "errors should name " + field + ": " + fields);
    }

    protected void assertAbsent(String slug) {
        given().get(collection().path() + "/" + slug).then().statusCode(404);
    }

    private String path() {
        return collection().path();
    }

    // ---- bodies ---------------------------------------------------------------------------------------------------

    @Test
    void aBodyThatIsNotAnObjectIsA400InPlainWords() throws IOException {
        for (String body : List.of("[]", "[[1]]", "\"title\"", "7")) {
            JsonPath problem = problem(sendJson("POST", path(), body), 400);
            assertField(problem, "body");
            // Jackson's own words name our record class; a client must never see them.
            assertTrue(problem.getString("detail").contains("must be a JSON object"), problem.prettify());
            assertFalse(problem.prettify().contains("setsunai") || problem.prettify().contains("Input"), problem.prettify());
        }
    }

    @Test
    void aDuplicateSlugKeyIsA400NamingIt() throws IOException {
        String twice = collection().body("zz-edge-dup", "Dup").replaceFirst("\\{", "{\"slug\": \"zz-edge-dup2\", ");
        JsonPath problem = problem(sendJson("POST", path(), twice), 400);
        assertField(problem, "slug");
        assertTrue(problem.getString("detail").contains("more than once"), problem.prettify());
        assertAbsent("zz-edge-dup");
        assertAbsent("zz-edge-dup2");
    }

    @Test
    void overlongUtf8InABodyIsA400AndNothingIsStored() throws IOException {
        String text = collection().body("zz-edge-overlong", "a\u00C0\u00AFb");
        JsonPath problem = problem(send("POST", path(), "application/json", text.getBytes(StandardCharsets.ISO_8859_1)), 400);
        assertField(problem, "body");
        assertTrue(problem.getString("detail").contains("UTF-8"), problem.prettify());
        assertAbsent("zz-edge-overlong");
    }

    @Test
    void invalidUtf8InAnImportIsRejectedAndNothingIsStored() throws IOException {
        String lines = collection().body("zz-edge-import-ok", "Fine") + "\n"
                + collection().body("zz-edge-import-bad", "bad\u00FF");
        JsonPath problem = problem(send("POST", path() + "/import", "application/x-ndjson",
                lines.getBytes(StandardCharsets.ISO_8859_1)), 400);
        assertTrue(problem.getString("detail").contains("line 2 is not valid UTF-8"), problem.prettify());
        assertAbsent("zz-edge-import-ok");
        assertAbsent("zz-edge-import-bad");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/import|application/x-ndjson", "|application/json"})
    void aChunkedBodyOverTheLimitIsA413Problem(String target) throws IOException {
        String[] parts = target.split("\\|");
        StringBuilder request = new StringBuilder("POST " + path() + parts[0] + " HTTP/1.1\r\nHost: localhost\r\n"
                + "Connection: close\r\nAuthorization: Bearer " + Tokens.editor() + "\r\nContent-Type: " + parts[1]
                + "\r\nTransfer-Encoding: chunked\r\n\r\n");
        String line = collection().body("zz-edge-chunked", "Chunked") + "\n";
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
        String body = collection().body("zz-edge-small-chunked", "Small Chunked");
        RawHttp.Response response = raw("POST " + path() + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                + "Authorization: Bearer " + Tokens.editor() + "\r\nContent-Type: application/json\r\n"
                + "Transfer-Encoding: chunked\r\n\r\n" + Integer.toHexString(body.length()) + "\r\n" + body + "\r\n0\r\n\r\n");
        assertEquals(201, response.status(), response.bodyText());
        given().get(path() + "/zz-edge-small-chunked").then().statusCode(200);
        given().auth().oauth2(Tokens.editor()).delete(path() + "/zz-edge-small-chunked").then().statusCode(204);
    }

    // ---- URLs and headers -----------------------------------------------------------------------------------------

    @Test
    void http10WithoutHostIsA400NamingTheHeader() throws IOException {
        assertField(problem(raw("GET " + path() + " HTTP/1.0\r\n\r\n"), 400), "Host");
        problem(raw("GET " + path() + "/" + collection().existingSlug() + " HTTP/1.0\r\n\r\n"), 400);
        // HTTP/1.1 requires Host; Vert.x Web refuses it before any route, which must not show its exception.
        assertField(problem(raw("GET " + path() + " HTTP/1.1\r\nConnection: close\r\n\r\n"), 400), "Host");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/a%C0%AFb", "?q=a%C0%AFb", "?q=%ED%A0%80", "?q=%FE"})
    void invalidUtf8InTheUrlIsA400(String target) throws IOException {
        JsonPath problem = problem(get(path() + target), 400);
        assertTrue(problem.getString("detail").contains("UTF-8"), problem.prettify());
    }

    @ParameterizedTest
    @ValueSource(strings = {"?q=\"x\"", "?q=%zz", "/a%2", "?q=a|b", "/{x}"})
    void anIllegalCharacterOrBrokenEscapeInTheUrlIsA400(String target) throws IOException {
        JsonPath problem = problem(get(path() + target), 400);
        assertField(problem, "url");
        assertTrue(problem.getString("detail").contains("%-"), problem.prettify());
    }

    @Test
    void aLongUrlIsA414Problem() throws IOException {
        assertField(problem(get(path() + "?q=" + "a".repeat(5000)), 414), "url");
    }

    @Test
    void largeHeadersAreA431Problem() throws IOException {
        assertField(problem(raw("GET " + path() + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\nX-Big: "
                + "a".repeat(21_000) + "\r\n\r\n"), 431), "headers");
    }

    @Test
    void optionsStarIsAProblem() throws IOException {
        problem(raw("OPTIONS * HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"), 404);
    }
}
