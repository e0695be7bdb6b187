package setsunai.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The curated dataset files as the tests read them (from the classpath, as the loader does), so that expected counts
 * and slugs come from the data the service loads: the dataset grows, and a number copied into a test goes stale.
 */
final class CuratedTitles {

    private static final List<JsonNode> TITLES = list(read("dataset/titles.json"));
    private static final List<JsonNode> TAGS = list(read("dataset/tags.json"));

    private CuratedTitles() {
    }

    static JsonNode read(String resource) {
        try (InputStream in = CuratedTitles.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the test classpath");
            }
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<JsonNode> titles() {
        return TITLES;
    }

    static List<JsonNode> tags() {
        return TAGS;
    }

    static List<String> slugsWhere(Predicate<JsonNode> condition) {
        return TITLES.stream().filter(condition).map(title -> title.path("slug").asText()).toList();
    }

    static Predicate<JsonNode> hasAnyTag(String... tags) {
        return title -> stream(title.path("tags")).anyMatch(tag -> List.of(tags).contains(tag.asText()));
    }

    /** The English and native title and the alternative titles. */
    static List<String> names(JsonNode title) {
        List<String> names = new ArrayList<>(List.of(title.path("title").asText(), title.path("nativeTitle").asText("")));
        title.path("alternativeTitles").forEach(name -> names.add(name.asText()));
        return names;
    }

    static Stream<JsonNode> stream(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false);
    }

    private static List<JsonNode> list(JsonNode array) {
        return stream(array).toList();
    }
}
