package setsunai.catalog.store;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import setsunai.catalog.api.TitleView;
import setsunai.testsupport.Tokens;
import setsunai.testsupport.checks.JsonShape;

/**
 * The one read of titles (TitleReads, plain JDBC) shows a title as it was written, every field, and every answer
 * that carries a title (POST, PUT, GET, search, similar) is that read.
 */
@QuarkusTest
class TitleReadsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Every field set; the editor's text with the spaces and repeats the write normalises. */
    private static final String EVERY_FIELD = """
            {"slug": "zz-reads-full", "title": " Reads Full ", "nativeTitle": "Yomikomi", "alternativeTitles": ["読み込み", "Reads"],
             "format": "MOVIE", "episodes": 1, "year": 2019, "season": "FALL", "studios": ["Studio A", "Studio B"],
             "directors": ["D. One"], "source": "LIGHT_NOVEL", "synopsis": "Read back in full.",
             "tags": ["grief", "first-love"], "ending": "BITTERSWEET", "tearjerker": 9,
             "streaming": [{"service": "zz_reads_tv", "name": "Test TV", "url": "https://tv.example.org/w/1",
                            "regions": ["JP", "US", "JP"]},
                           {"service": "zz_reads_other", "name": " Other ", "url": null, "regions": []}],
             "externalIds": {"mal": 1689, "anilist": 21, "bangumi": "927", "anidb": 4568},
             "franchise": "zz-reads"}""";

    /** The same title as the API must show it (version 0: new through the API). */
    private static final String EVERY_FIELD_SHOWN = """
            {"slug": "zz-reads-full", "title": "Reads Full", "nativeTitle": "Yomikomi", "alternativeTitles": ["読み込み", "Reads"],
             "format": "MOVIE", "episodes": 1, "year": 2019, "season": "FALL", "studios": ["Studio A", "Studio B"],
             "directors": ["D. One"], "source": "LIGHT_NOVEL", "synopsis": "Read back in full.",
             "tags": ["grief", "first-love"], "ending": "BITTERSWEET", "tearjerker": 9,
             "streaming": [{"service": "zz_reads_tv", "name": "Test TV", "url": "https://tv.example.org/w/1",
                            "regions": ["JP", "US"]},
                           {"service": "zz_reads_other", "name": "Other", "url": null, "regions": []}],
             "externalIds": {"mal": 1689, "anilist": 21, "bangumi": "927", "anidb": 4568},
             "franchise": "zz-reads", "version": 0}""";

    @Inject
    TitleReads reads;

    @Inject
    ObjectMapper mapper; // the REST answers' own

    private static RequestSpecification editor() {
        return given().auth().oauth2(Tokens.editor());
    }

    @Test
    void aTitleWithEveryFieldReadsAsWrittenInEveryAnswer() throws Exception {
        JsonNode expected = JSON.readTree(EVERY_FIELD_SHOWN);
        JsonNode created = JSON.readTree(editor().contentType("application/json").body(EVERY_FIELD).post("/api/titles")
                .then().statusCode(201).extract().asByteArray());
        try {
            assertEquals(expected, created);
            assertEquals(expected, get("/api/titles/zz-reads-full"));
            assertEquals(expected, get("/api/titles?slug=zz-reads-full").get("items").get(0));
            assertEquals(expected, shown(reads.bySlug("zz-reads-full").orElseThrow()));
            // The jsonb column keeps its own key order (length, then bytes); the answer shows that order.
            assertEquals(List.of("mal", "anidb", "anilist", "bangumi"), keys(get("/api/titles/zz-reads-full")
                    .get("externalIds")));
            // Similar titles carry the same view (a curated title shares grief and first-love).
            JsonNode similar = get("/api/titles/zz-reads-full/similar?size=1").get("items").get(0);
            String other = similar.get("slug").asText();
            ObjectNode otherView = similar.deepCopy();
            otherView.remove(List.of("similarity", "sharedTags"));
            assertEquals(get("/api/titles/" + other), otherView);

            // PUT answers with what its transaction wrote: the new values and version.
            String changed = EVERY_FIELD.replace("\"tearjerker\": 9", "\"tearjerker\": 4")
                    .replace("{\"mal\": 1689, ", "{");
            JsonNode replaced = JSON.readTree(editor().header("If-Match", "\"0\"").contentType("application/json")
                    .body(changed).put("/api/titles/zz-reads-full").then().statusCode(200).extract().asByteArray());
            ObjectNode expectedAfter = expected.deepCopy();
            expectedAfter.put("tearjerker", 4).put("version", 1);
            ((ObjectNode) expectedAfter.get("externalIds")).remove("mal");
            assertEquals(expectedAfter, replaced);
            assertEquals(expectedAfter, get("/api/titles/zz-reads-full"));
        } finally {
            editor().delete("/api/titles/zz-reads-full").then().statusCode(204);
        }
        assertTrue(reads.bySlug("zz-reads-full").isEmpty());
    }

    @Test
    void absentOptionalFieldsReadAsNullsAndEmptyLists() throws Exception {
        editor().contentType("application/json").body("""
                {"slug": "zz-reads-bare", "title": "Reads Bare", "format": "TV", "tags": ["grief"], "ending": "OPEN",
                 "tearjerker": 5}""").post("/api/titles").then().statusCode(201);
        try {
            assertEquals(JSON.readTree("""
                    {"slug": "zz-reads-bare", "title": "Reads Bare", "nativeTitle": null, "alternativeTitles": [],
                     "format": "TV", "episodes": null, "year": null, "season": null, "studios": [], "directors": [],
                     "source": null, "synopsis": null, "tags": ["grief"], "ending": "OPEN", "tearjerker": 5,
                     "streaming": [], "externalIds": {}, "franchise": null, "version": 0}"""),
                    get("/api/titles/zz-reads-bare"));
        } finally {
            editor().delete("/api/titles/zz-reads-bare").then().statusCode(204);
        }
    }

    @Test
    void aPageOfIdsReadsInTheIdsOrderWithoutTheMissingOnes() throws Exception {
        long nana = reads.id("nana").orElseThrow();
        long violet = reads.id("violet-evergarden").orElseThrow();
        Map<Long, TitleView> page = reads.views(List.of(violet, Long.MAX_VALUE, nana));
        assertEquals(List.of(violet, nana), List.copyOf(page.keySet()));
        assertEquals(List.of("violet-evergarden", "nana"), page.values().stream().map(TitleView::slug).toList());
        assertEquals(reads.bySlug("nana").orElseThrow(), page.get(nana));
        // A curated title with links, regions and ids: the same as the API shows.
        assertEquals(get("/api/titles/violet-evergarden"), shown(page.get(violet)));
        assertEquals(Map.of(), reads.views(List.of()));
        assertTrue(reads.id("zz-no-such-title").isEmpty());
    }

    private JsonNode shown(TitleView view) throws Exception {
        return JSON.readTree(mapper.writeValueAsBytes(view));
    }

    private static JsonNode get(String path) throws Exception {
        return JSON.readTree(given().get(path).then().statusCode(200).extract().asByteArray());
    }

    private static List<String> keys(JsonNode node) {
        return JsonShape.keys(node);
    }
}
