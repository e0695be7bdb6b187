package setsunai.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import setsunai.common.vocabulary.Ending;
import setsunai.common.vocabulary.Format;
import setsunai.catalog.api.Season;
import setsunai.catalog.api.Source;

/** The curated dataset files, checked as they are reviewed: before they ever reach a database. */
class DatasetIntegrityTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyTitleIsWellFormed() throws Exception {
        JsonNode tags = read("dataset/tags.json");
        JsonNode titles = read("dataset/titles.json");
        Set<String> knownTags = new HashSet<>();
        tags.forEach(tag -> assertTrue(knownTags.add(tag.get("slug").asText()), "duplicate tag " + tag));
        knownTags.forEach(tag -> assertTrue(tag.matches("^[a-z0-9]+(-[a-z0-9]+)*$"), "tag not kebab-case: " + tag));

        Set<String> slugs = new HashSet<>();
        List<String> problems = new ArrayList<>();
        for (JsonNode title : titles) {
            String slug = title.path("slug").asText();
            if (!slugs.add(slug)) {
                problems.add("duplicate slug " + slug);
            }
            if (!slug.matches("^[a-z0-9]+(-[a-z0-9]+)*$")) {
                problems.add(slug + ": slug is not kebab-case");
            }
            if (title.path("title").asText().isBlank()) {
                problems.add(slug + ": no title");
            }
            checkEnum(problems, slug, title, "format", Format.class, true);
            checkEnum(problems, slug, title, "ending", Ending.class, true);
            checkEnum(problems, slug, title, "season", Season.class, false);
            checkEnum(problems, slug, title, "source", Source.class, false);
            int tearjerker = title.path("tearjerker").asInt(0);
            if (tearjerker < 1 || tearjerker > 10) {
                problems.add(slug + ": tearjerker " + tearjerker + " outside 1..10");
            }
            if (title.path("tags").isEmpty()) {
                problems.add(slug + ": no tags");
            }
            title.path("tags").forEach(tag -> {
                if (!knownTags.contains(tag.asText())) {
                    problems.add(slug + ": unknown tag " + tag.asText());
                }
            });
            // A bad text encoding shows up as these sequences (e.g. "KondĹŤ" for "Kondō").
            if (title.toString().matches(".*(Ĺ|Ã|â€).*")) {
                problems.add(slug + ": looks mis-encoded");
            }
        }
        assertEquals(List.of(), problems);
        // The five articles' 56 titles at least; the catalogue grows (issue 15).
        assertTrue(titles.size() >= 56, "titles in the dataset: " + titles.size());
        assertFalse(knownTags.isEmpty());
    }

    private static <E extends Enum<E>> void checkEnum(List<String> problems, String slug, JsonNode title, String field,
                                                      Class<E> type, boolean required) {
        JsonNode value = title.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                problems.add(slug + ": " + field + " missing");
            }
            return;
        }
        if (Arrays.stream(type.getEnumConstants()).noneMatch(e -> e.name().equals(value.asText()))) {
            problems.add(slug + ": " + field + " '" + value.asText() + "' is not one of " + Arrays.toString(type.getEnumConstants()));
        }
    }

    private static JsonNode read(String resource) throws Exception {
        try (InputStream in = DatasetIntegrityTest.class.getClassLoader().getResourceAsStream(resource)) {
            return JSON.readTree(in);
        }
    }
}
