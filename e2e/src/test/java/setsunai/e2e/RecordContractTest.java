package setsunai.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import setsunai.gateway.client.CatalogTitle;
import setsunai.gateway.client.PageOf;
import setsunai.gateway.client.SongsSong;

/** The checker of {@link ConsumerContractIT} proven on fabricated answers: it passes a good one and fails each break. */
class RecordContractTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static ObjectNode title() throws Exception {
        return (ObjectNode) JSON.readTree("""
                {"slug":"a","title":"A","nativeTitle":null,"alternativeTitles":["Ā"],"format":"MOVIE","episodes":1,
                 "year":2007,"season":"SPRING","studios":["CoMix Wave"],"directors":["Makoto Shinkai"],"source":"ORIGINAL",
                 "synopsis":"s","tags":["first-love"],"ending":"BITTERSWEET","tearjerker":4,
                 "streaming":[{"service":"netflix","name":"Netflix","url":null,"regions":[]}],
                 "externalIds":{"anilist":1},"version":3,"franchise":null,"addedByTheService":true}""");
    }

    private static ObjectNode song() throws Exception {
        return (ObjectNode) JSON.readTree("""
                {"slug":"s","title":"S","nativeTitle":"ス","alternativeTitles":["Endless S"],"externalIds":{},"artists":[{"name":"N","slug":"n","role":"SINGER"}],
                 "year":1997,"single":null,"moods":["LONGING"],"description":null,
                 "usages":[{"titleSlug":"a","titleName":"A","role":"THEME","sequence":null,"episodes":null,"note":null}],
                 "version":1}""");
    }

    @Test
    void aCompleteAnswerPasses() throws Exception {
        assertEquals(List.of(), RecordContract.violations(CatalogTitle.class, title()));
        assertEquals(List.of(), RecordContract.violations(SongsSong.class, song()));
    }

    @Test
    void aMissingFieldFails() throws Exception {
        ObjectNode renamed = title();
        renamed.set("endingKind", renamed.remove("ending"));
        assertEquals(List.of("$.ending: missing"), RecordContract.violations(CatalogTitle.class, renamed));
    }

    @Test
    void aMissingFieldOfANestedRecordInAListFails() throws Exception {
        ObjectNode song = song();
        ((ObjectNode) song.get("usages").get(0)).remove("titleSlug");
        assertEquals(List.of("$.usages[0].titleSlug: missing"), RecordContract.violations(SongsSong.class, song));
    }

    @Test
    void anIncompatibleTypeFails() throws Exception {
        ObjectNode title = title();
        title.put("tearjerker", "4");
        title.put("tags", "first-love");
        title.put("version", 3.5);
        List<String> violations = RecordContract.violations(CatalogTitle.class, title);
        assertEquals(3, violations.size(), violations.toString());
        assertTrue(violations.get(0).startsWith("$.tags: expected an array"), violations.toString());
    }

    @Test
    void nullWhereTheGatewayReadsAPrimitiveFails() throws Exception {
        ObjectNode title = title();
        title.putNull("tearjerker");
        assertEquals(List.of("$.tearjerker: null, but the gateway reads it as int"),
                RecordContract.violations(CatalogTitle.class, title));
    }

    @Test
    void aGenericPageIsCheckedItemByItem() throws Exception {
        ObjectNode page = JSON.createObjectNode();
        ArrayNode items = page.putArray("items");
        items.add(title());
        ObjectNode broken = title();
        broken.remove("slug");
        items.add(broken);
        page.put("page", 1).put("size", 20).put("totalItems", 2).put("totalPages", 1);
        assertEquals(List.of("$.items[1].slug: missing"),
                RecordContract.violations(new TypeReference<PageOf<CatalogTitle>>() { }.getType(), page));
        page.remove("totalItems");
        assertTrue(RecordContract.violations(new TypeReference<PageOf<CatalogTitle>>() { }.getType(), page)
                .contains("$.totalItems: missing"));
    }

    enum Mood { LONGING, GRIEVING }

    record WithEnum(List<Mood> moods) {
    }

    @Test
    void anEnumValueTheGatewayDoesNotKnowFails() throws Exception {
        assertEquals(List.of(), RecordContract.violations(WithEnum.class, JSON.readTree("{\"moods\":[\"LONGING\"]}")));
        assertEquals(List.of("$.moods[1]: \"NOSTALGIC\" is not one of the gateway's Mood [LONGING, GRIEVING]"),
                RecordContract.violations(WithEnum.class, JSON.readTree("{\"moods\":[\"GRIEVING\",\"NOSTALGIC\"]}")));
    }

    /** A record whose Jackson name drifted from its component name: present in the JSON, yet read as null. */
    record Drifted(String name, @JsonProperty("fullName") String label) {
    }

    @Test
    void aValueTheGatewayReadsAsNullFails() throws Exception {
        assertEquals(List.of("$.label: the service sent \"L\" but the gateway read null"),
                RecordContract.violations(Drifted.class, JSON.readTree("{\"name\":\"n\",\"label\":\"L\"}")));
    }

    @Test
    void notAnObjectFails() throws Exception {
        JsonNode list = JSON.readTree("[1]");
        assertEquals(List.of("$: expected an object for SongsSong, got ARRAY"),
                RecordContract.violations(SongsSong.class, list));
    }
}
