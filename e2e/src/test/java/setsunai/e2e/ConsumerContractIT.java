package setsunai.e2e;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.specification.RequestSpecification;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import setsunai.gateway.client.CatalogTitle;
import setsunai.gateway.client.PageOf;
import setsunai.gateway.client.SimilarTitle;
import setsunai.gateway.client.SongsSong;
import setsunai.gateway.client.TitleLookup;
import setsunai.gateway.service.TitleIds;

/**
 * Consumer contract: for every catalog-service and songs-service endpoint the gateway calls (CatalogApi, SongsApi),
 * asks the real service, with the parameters the gateway sends, and checks the answer against the gateway's own
 * copy of the record ({@link RecordContract}), over all the records of a page. A field renamed or retyped in a
 * service fails here instead of reaching the gateway as a silent null. Only reads: runs with the wiring tests,
 * before the fault drills.
 */
@Order(1)
@ExtendWith(SetsunaiSystem.Shared.class)
class ConsumerContractIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Type TITLE_PAGE = new TypeReference<PageOf<CatalogTitle>>() { }.getType();
    private static final Type SONG_PAGE = new TypeReference<PageOf<SongsSong>>() { }.getType();
    /** The gateway's batch size (CatalogClient/SongsClient.BATCH_SIZE), which is also the services' largest page. */
    private static final int BATCH = 100;

    static ServiceProcess catalog;
    static ServiceProcess songs;

    @BeforeAll
    static void connect(SetsunaiSystem system) {
        catalog = system.catalog;
        songs = system.songs;
    }

    private static JsonNode get(ServiceProcess service, String path, Map<String, ? extends Iterable<?>> query)
            throws Exception {
        RequestSpecification request = given().baseUri(service.url());
        query.forEach((name, values) -> values.forEach(value -> request.queryParam(name, value)));
        var response = request.get(path);
        assertEquals(200, response.statusCode(), path + " " + query + ": " + response.asString());
        return JSON.readTree(response.asString());
    }

    private static void assertHonours(Type type, JsonNode answer, String what) {
        assertEquals(List.of(), RecordContract.violations(type, answer), what + " breaks the gateway's record");
    }

    private static JsonNode titlePage() throws Exception {
        JsonNode page = get(catalog, "/api/titles", Map.of("page", List.of(1), "size", List.of(BATCH)));
        assertTrue(page.path("items").size() >= 2, "a page of several titles to check: " + page);
        return page;
    }

    private static JsonNode songPage() throws Exception {
        JsonNode page = get(songs, "/api/songs", Map.of("page", List.of(1), "size", List.of(BATCH)));
        assertTrue(page.path("items").size() >= 2, "a page of several songs to check: " + page);
        return page;
    }

    private static Set<String> texts(JsonNode items, Function<JsonNode, JsonNode> field) {
        Set<String> values = new LinkedHashSet<>();
        for (JsonNode item : items) {
            JsonNode value = field.apply(item);
            if (value.isArray()) {
                value.forEach(v -> values.add(v.asText()));
            } else if (value.isTextual()) {
                values.add(value.asText());
            }
        }
        return values;
    }

    @Test
    void catalogPageIsTheGatewaysPageOfTitles() throws Exception {
        assertHonours(TITLE_PAGE, titlePage(), "GET /api/titles?page&size");
    }

    @Test
    void eachTitleIsTheGatewaysTitle() throws Exception {
        for (String slug : texts(titlePage().path("items"), t -> t.path("slug"))) {
            assertHonours(CatalogTitle.class, get(catalog, "/api/titles/" + slug, Map.of()), "GET /api/titles/" + slug);
        }
    }

    @Test
    void batchOfTitlesIsTheGatewaysPageOfTitles() throws Exception {
        Set<String> slugs = texts(titlePage().path("items"), t -> t.path("slug"));
        JsonNode batch = get(catalog, "/api/titles", Map.of("slug", slugs, "size", List.of(BATCH)));
        assertEquals(slugs.size(), batch.path("items").size(), "every title asked for");
        assertHonours(TITLE_PAGE, batch, "GET /api/titles?slug=...");
    }

    /**
     * The id lookup (CatalogApi.titlesByIds), as the gateway sends it for exclude values and for a title by provider
     * id: provider ids taken from real titles plus their slugs as slug: ids and one unknown id; every known one found,
     * the unknown one in notFound.
     */
    @Test
    void idLookupIsTheGatewaysTitleLookup() throws Exception {
        JsonNode items = titlePage().path("items");
        List<String> ids = new ArrayList<>();
        for (JsonNode item : items) {
            item.path("externalIds").fields().forEachRemaining(id -> {
                if (ids.size() < 60 && TitleIds.PROVIDERS.contains(id.getKey()) && id.getValue().canConvertToLong()) {
                    ids.add(id.getKey() + ":" + id.getValue().asLong());
                }
            });
        }
        texts(items, t -> t.path("slug")).stream().limit(BATCH - 1 - ids.size()).forEach(slug -> ids.add("slug:" + slug));
        ids.add("mal:999999999");
        JsonNode lookup = get(catalog, "/api/titles", Map.of("id", ids, "size", List.of(BATCH)));
        assertTrue(lookup.path("items").size() >= 2, "titles found by id: " + lookup);
        assertEquals(List.of("mal:999999999"), JSON.convertValue(lookup.path("notFound"), List.class),
                "notFound: " + lookup.path("notFound"));
        assertHonours(TitleLookup.class, lookup, "GET /api/titles?id=...");
    }

    @Test
    void moodCandidatesAreTheGatewaysPageOfTitles() throws Exception {
        JsonNode items = titlePage().path("items");
        List<String> anyTag = texts(items, t -> t.path("tags")).stream().limit(30).toList();
        JsonNode candidates = get(catalog, "/api/titles", Map.of("anyTag", anyTag,
                "format", texts(items, t -> t.path("format")), "ending", texts(items, t -> t.path("ending")),
                "sort", List.of("-tearjerker"), "size", List.of(BATCH)));
        assertTrue(candidates.path("items").size() >= 2, "candidates to check: " + candidates);
        assertHonours(TITLE_PAGE, candidates, "GET /api/titles?anyTag&format&ending&sort=-tearjerker");
    }

    /**
     * The gateway reads similar titles as a tree (CatalogClient.similarOf): the items of a page, each a title's own
     * fields inlined with "similarity" and "sharedTags". Each item, read by that rule, must fill every component of
     * the gateway's SimilarTitle.
     */
    @Test
    void similarTitlesFillTheGatewaysSimilarTitle() throws Exception {
        int checked = 0;
        for (String slug : texts(titlePage().path("items"), t -> t.path("slug"))) {
            JsonNode answer = get(catalog, "/api/titles/" + slug + "/similar", Map.of("size", List.of(5)));
            JsonNode items = answer.path("items");
            assertTrue(items.isArray(), "similar to " + slug + " is a page: " + answer);
            for (JsonNode item : items) {
                ObjectNode asRead = JSON.createObjectNode();
                asRead.set("title", item);
                for (String field : List.of("similarity", "sharedTags")) {
                    if (item.has(field)) {
                        asRead.set(field, item.get(field));
                    }
                }
                assertHonours(SimilarTitle.class, asRead, "GET /api/titles/" + slug + "/similar item");
                checked++;
            }
        }
        assertTrue(checked >= 2, "similar titles to check, got " + checked);
    }

    @Test
    void songsPageIsTheGatewaysPageOfSongs() throws Exception {
        assertHonours(SONG_PAGE, songPage(), "GET /api/songs?page&size");
    }

    @Test
    void eachSongIsTheGatewaysSong() throws Exception {
        for (String slug : texts(songPage().path("items"), s -> s.path("slug"))) {
            assertHonours(SongsSong.class, get(songs, "/api/songs/" + slug, Map.of()), "GET /api/songs/" + slug);
        }
    }

    @Test
    void songsOfTitlesAreTheGatewaysPageOfSongs() throws Exception {
        Set<String> titleSlugs = texts(titlePage().path("items"), t -> t.path("slug"));
        JsonNode answer = get(songs, "/api/songs", Map.of("title", titleSlugs, "size", List.of(BATCH)));
        assertTrue(answer.path("items").size() >= 2, "songs of titles to check: " + answer);
        assertHonours(SONG_PAGE, answer, "GET /api/songs?title=...");
    }

    @Test
    void songsByMoodAreTheGatewaysPageOfSongs() throws Exception {
        List<String> moods = new ArrayList<>(texts(songPage().path("items"), s -> s.path("moods")));
        assertTrue(!moods.isEmpty(), "songs with moods");
        JsonNode answer = get(songs, "/api/songs", Map.of("mood", moods, "size", List.of(BATCH)));
        assertTrue(answer.path("items").size() >= 2, "songs by mood to check: " + answer);
        assertHonours(SONG_PAGE, answer, "GET /api/songs?mood=...");
    }
}
