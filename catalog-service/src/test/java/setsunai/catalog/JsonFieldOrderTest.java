package setsunai.catalog;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static setsunai.testsupport.checks.JsonShape.components;
import static setsunai.testsupport.checks.JsonShape.keys;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import setsunai.catalog.api.SimilarTitle;
import setsunai.catalog.api.TagView;
import setsunai.catalog.api.TitleView;
import setsunai.catalog.rest.TitleResource;
import setsunai.testsupport.Tokens;

/** JSON fields come out as the records declare them (slug, title, …, version), not alphabetically, in every answer. */
@QuarkusTest
class JsonFieldOrderTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aTitleReadsInDeclarationOrder() throws Exception {
        JsonNode title = read("/api/titles/5-centimeters-per-second");
        assertEquals(List.of("slug", "title", "nativeTitle", "alternativeTitles", "format", "episodes", "year", "season",
                "studios", "directors", "source", "synopsis", "tags", "ending", "tearjerker", "streaming", "externalIds",
                "franchise", "version"), keys(title));
        assertEquals(components(TitleView.class), keys(title));
    }

    @Test
    void listsAndTheirItemsReadInDeclarationOrder() throws Exception {
        JsonNode page = read("/api/titles?tag=first-love&size=2");
        // notFound comes only with id=, last
        List<String> declared = components(TitleResource.TitlePage.class);
        assertEquals(declared.subList(0, declared.size() - 1), keys(page));
        assertEquals(declared, keys(read("/api/titles?id=mal:1689&id=mal:999999")));
        assertEquals("notFound", declared.get(declared.size() - 1));
        assertEquals(components(TitleView.class), keys(page.get("items").get(0)));

        JsonNode similar = read("/api/titles/5-centimeters-per-second/similar?size=1").get("items").get(0);
        List<String> flattened = new ArrayList<>(components(TitleView.class));
        flattened.addAll(List.of("similarity", "sharedTags"));
        assertEquals(flattened, keys(similar));

        assertEquals(components(TagView.class), keys(read("/api/tags?size=1").get("items").get(0)));
    }

    @Test
    void anImportReportReadsInDeclarationOrder() throws Exception {
        // a method returning a record directly: Quarkus' generated serializer wrote these alphabetically
        JsonNode report = JSON.readTree(given().auth().oauth2(Tokens.editor()).contentType("application/x-ndjson")
                .body("{\"slug\":\"zz-order-check\"}\n".getBytes(StandardCharsets.UTF_8)).post("/api/titles/import")
                .then().statusCode(200).extract().asByteArray());
        assertEquals(List.of("created", "updated", "unchanged", "rejected"), keys(report));
        assertEquals(List.of("line", "slug", "errors"), keys(report.get("rejected").get(0)));
        assertEquals(List.of("field", "message"), keys(report.get("rejected").get(0).get("errors").get(0)));
    }

    @Test
    void recordsUnderTestAreNotAlphabeticalThemselves() {
        // the checks above would pass for any order if the records happened to be declared alphabetically
        List<String> declared = components(TitleView.class);
        assertEquals(false, declared.equals(declared.stream().sorted().toList()));
        assertEquals(List.of("titleView", "similarity", "sharedTags"), components(SimilarTitle.class));
    }

    private static JsonNode read(String path) throws Exception {
        return JSON.readTree(given().get(path).then().statusCode(200).extract().asByteArray());
    }
}
