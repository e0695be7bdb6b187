package setsunai.catalog;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import setsunai.testsupport.Tokens;
import setsunai.testsupport.checks.EditableCollection;
import setsunai.testsupport.checks.HttpEdgeChecks;

/**
 * Odd requests at the HTTP layer (issue 10, items 2 to 4): each is a 4xx problem+json naming what is wrong, never a
 * 500 or an empty body, and nothing of a rejected write is stored. Raw sockets send what HTTP clients refuse to.
 */
@QuarkusTest
class HttpEdgeTest extends HttpEdgeChecks {

    @Override
    protected EditableCollection collection() {
        return new EditableTitles();
    }

    private static String title(String slug, String name) {
        return """
                {"slug": "%s", "title": "%s", "format": "TV", "tags": ["grief"], "ending": "OPEN", "tearjerker": 5}"""
                .formatted(slug, name);
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
        String nested = title("zz-edge-dup", "Dup").replace("\"TV\"", "\"TV\", \"externalIds\": {\"mal\": 1, \"mal\": 2}");
        assertField(problem(send("POST", "/api/titles", "application/json", nested.getBytes(StandardCharsets.UTF_8)), 400),
                "externalIds.mal");
        assertField(problem(send("PUT", "/api/titles/nana", "application/json",
                title("nana", "Nana").replace("\"tearjerker\": 5", "\"tearjerker\": 5, \"tearjerker\": 6")
                        .getBytes(StandardCharsets.UTF_8)), 400), "tearjerker");
        assertAbsent("zz-edge-dup");
        assertAbsent("zz-edge-dup2");
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

    // ---- item 3: invalid UTF-8, blank-looking text, sort ---------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"/api/titles?studio=%FF", "/api/titles?tag=%C0%AF", "/api/titles/nana/similar?x=%FF"})
    void invalidUtf8InOtherParametersIsA400(String target) throws IOException {
        JsonPath problem = problem(get(target), 400);
        assertTrue(problem.getString("detail").contains("UTF-8"), problem.prettify());
    }

    @Test
    void onlyUnicodeSpacesAreBlank() {
        String body = title("zz-edge-blank", "\u00A0\u3000").replace("\"TV\"",
                "\"TV\", \"studios\": [\"\u2007\"], \"streaming\": [{\"service\": \"netflix\", \"name\": \"\u2003\u200B\"}],"
                        + " \"alternativeTitles\": [\"\u3164\"]");
        given().auth().oauth2(Tokens.editor()).contentType("application/json; charset=UTF-8").body(body)
                .post("/api/titles")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItems("title", "studios[0]", "streaming[0].name", "alternativeTitles[0]"));
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

}
