package setsunai.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import setsunai.common.vocabulary.Ending;

/**
 * The editorial facets of the curated dataset stay usable as the catalogue grows (scoring rules in
 * src/main/resources/dataset/README.md): a tag that two titles share says little and a mood cannot be built on it;
 * a tearjerker scale where everything is 8–10 cannot rank; every kind of ending is there to be asked for.
 */
class DatasetFacetsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static JsonNode titles;
    private static JsonNode tags;

    @BeforeAll
    static void read() throws Exception {
        titles = read("dataset/titles.json");
        tags = read("dataset/tags.json");
    }

    @Test
    void everyTagIsUsedByAtLeastThreeTitles() {
        Map<String, Integer> uses = new TreeMap<>();
        tags.forEach(tag -> uses.put(tag.path("slug").asText(), 0));
        titles.forEach(title -> title.path("tags").forEach(tag -> uses.merge(tag.asText(), 1, Integer::sum)));
        Map<String, Integer> rare = new TreeMap<>(uses);
        rare.values().removeIf(count -> count >= 3);
        assertEquals(Map.of(), rare, "tags used by fewer than three titles");
    }

    @Test
    void everyTagHasADescription() {
        Set<String> without = new TreeSet<>();
        tags.forEach(tag -> {
            if (tag.path("description").asText().isBlank()) {
                without.add(tag.path("slug").asText());
            }
        });
        assertEquals(Set.of(), without);
    }

    @Test
    void tearjerkerUsesTheWholeScale() {
        int[] counts = new int[11];
        titles.forEach(title -> counts[title.path("tearjerker").asInt()]++);
        int below7 = Arrays.stream(counts, 1, 7).sum();
        int top = Arrays.stream(counts, 8, 11).sum();
        String histogram = Arrays.toString(Arrays.copyOfRange(counts, 1, 11)) + " for 1..10";
        assertTrue(below7 * 4 >= titles.size(), "at least a quarter below 7: " + histogram);
        assertTrue(top * 2 <= titles.size(), "at most half at 8-10: " + histogram);
        assertTrue(Arrays.stream(counts, 1, 4).sum() > 0 && counts[10] > 0, "both ends of the scale are used: " + histogram);
    }

    @Test
    void everyEndingIsPresent() {
        Set<Ending> seen = EnumSet.noneOf(Ending.class);
        titles.forEach(title -> seen.add(Ending.valueOf(title.path("ending").asText())));
        assertEquals(EnumSet.allOf(Ending.class), seen);
    }

    private static JsonNode read(String resource) throws Exception {
        try (InputStream in = DatasetFacetsTest.class.getClassLoader().getResourceAsStream(resource)) {
            return JSON.readTree(in);
        }
    }
}
