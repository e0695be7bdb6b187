package setsunai.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The curated dataset (the catalogue's titles and the songs) as the stubbed services' data, so that the quality-bar
 * tests of issue 14 run over every real title and song rather than a handful written for the test. Surefire runs in
 * the module directory. Only the fields the gateway reads for ranking, exclusion and playlists are kept, so that
 * other changes to the dataset's shape (e.g. streaming links) cannot break these tests.
 */
final class CuratedData {

    static final Path TITLES = Path.of("../catalog-service/src/main/resources/dataset/titles.json");
    static final Path SONGS = Path.of("../songs-service/src/main/resources/dataset/songs.json");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> TITLE_FIELDS = Set.of("slug", "title", "nativeTitle", "format", "episodes", "year",
            "studios", "tags", "ending", "tearjerker", "externalIds", "franchise");
    private static final Set<String> SONG_FIELDS = Set.of("slug", "title", "nativeTitle", "artists", "year", "moods",
            "usages", "externalIds");

    /** By slug, in the file's order. */
    final Map<String, JsonNode> titles = new LinkedHashMap<>();
    final List<JsonNode> songs = new ArrayList<>();

    private CuratedData() {
    }

    static CuratedData load() {
        CuratedData data = new CuratedData();
        for (JsonNode title : read(TITLES)) {
            data.titles.put(title.path("slug").asText(), keep(title, TITLE_FIELDS));
        }
        for (JsonNode song : read(SONGS)) {
            data.songs.add(keep(song, SONG_FIELDS));
        }
        return data;
    }

    /** Every title in one page, whatever the query: the gateway re-checks tags and filters itself. */
    String titlesPage() {
        return page(new ArrayList<>(titles.values()));
    }

    String songsPage() {
        return page(songs);
    }

    /** The songs used in a title. */
    List<JsonNode> songsOf(String titleSlug) {
        return songs.stream().filter(s -> usedIn(s, titleSlug)).toList();
    }

    static boolean usedIn(JsonNode song, String titleSlug) {
        for (JsonNode usage : song.path("usages")) {
            if (titleSlug.equals(usage.path("titleSlug").asText())) {
                return true;
            }
        }
        return false;
    }

    static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(v -> out.add(v.asText()));
        return out;
    }

    private static String page(List<JsonNode> items) {
        ObjectNode page = JSON.createObjectNode();
        ArrayNode array = page.putArray("items");
        items.forEach(array::add);
        page.put("page", 1).put("size", items.size()).put("totalItems", items.size()).put("totalPages", 1);
        return page.toString();
    }

    private static ObjectNode keep(JsonNode node, Set<String> fields) {
        ObjectNode kept = JSON.createObjectNode();
        node.fields().forEachRemaining(f -> {
            if (fields.contains(f.getKey())) {
                kept.set(f.getKey(), f.getValue());
            }
        });
        kept.put("version", 1);
        return kept;
    }

    private static JsonNode read(Path file) {
        try {
            return JSON.readTree(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
