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
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import setsunai.common.vocabulary.Ending;
import setsunai.common.vocabulary.Format;
import setsunai.catalog.api.Season;
import setsunai.catalog.api.Source;
import setsunai.catalog.api.StreamingLink;

/** The curated dataset files, checked as they are reviewed: before they ever reach a database. */
class DatasetIntegrityTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Ids that are numbers in their databases. */
    private static final Set<String> IDS = Set.of("mal", "anilist", "anidb", "bangumi", "kitsu");

    @Test
    void everyTitleIsWellFormed() throws Exception {
        JsonNode tags = read("dataset/tags.json");
        JsonNode titles = read("dataset/titles.json");
        Set<String> knownTags = new HashSet<>();
        tags.forEach(tag -> assertTrue(knownTags.add(tag.get("slug").asText()), "duplicate tag " + tag));
        knownTags.forEach(tag -> assertTrue(tag.matches("^[a-z0-9]+(-[a-z0-9]+)*$"), "tag not kebab-case: " + tag));

        Set<String> slugs = new HashSet<>();
        List<String> problems = new ArrayList<>();
        Map<String, Set<String>> serviceNames = new TreeMap<>();
        Map<String, List<String>> franchises = new TreeMap<>();
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
            checkStreaming(problems, slug, title.path("streaming"), serviceNames);
            title.path("externalIds").fields().forEachRemaining(id -> {
                if (IDS.contains(id.getKey()) && !(id.getValue().canConvertToLong() && id.getValue().asLong() > 0)) {
                    problems.add(slug + ": externalIds." + id.getKey() + " is not a positive number: " + id.getValue());
                }
            });
            JsonNode franchise = title.path("franchise");
            if (!franchise.isMissingNode() && !franchise.isNull()) {
                if (!franchise.isTextual() || !franchise.asText().matches("^[a-z0-9]+(-[a-z0-9]+)*$")) {
                    problems.add(slug + ": franchise is not a slug: " + franchise);
                }
                franchises.computeIfAbsent(franchise.asText(), f -> new ArrayList<>()).add(slug);
            }
            // A bad text encoding shows up as these sequences (e.g. "KondĹŤ" for "Kondō").
            if (title.toString().matches(".*(Ĺ|Ã|â€).*")) {
                problems.add(slug + ": looks mis-encoded");
            }
        }
        // A franchise groups titles: one that only a single title has groups nothing (leave it null instead).
        franchises.forEach((franchise, members) -> {
            if (members.size() < 2) {
                problems.add("franchise " + franchise + " is used by " + members + " only; it needs two titles or more");
            }
        });
        // One service key, one display name, whichever title it is on.
        serviceNames.forEach((service, names) -> {
            if (names.size() > 1) {
                problems.add("service " + service + " has several names: " + names);
            }
        });
        assertEquals(List.of(), problems);
        // The five articles' 56 titles at least; the catalogue grows (issue 15).
        assertTrue(titles.size() >= 56, "titles in the dataset: " + titles.size());
        assertFalse(knownTags.isEmpty());
    }

    /** Links as TitleInput validates them: the fields, a service key, an https url or null, ISO 3166 alpha-2 regions. */
    private static void checkStreaming(List<String> problems, String slug, JsonNode streaming,
                                       Map<String, Set<String>> serviceNames) {
        if (!streaming.isArray()) {
            problems.add(slug + ": streaming is not a list");
            return;
        }
        Set<String> services = new HashSet<>();
        for (JsonNode link : streaming) {
            List<String> fields = new ArrayList<>();
            link.fieldNames().forEachRemaining(fields::add);
            if (!fields.equals(List.of("service", "name", "url", "regions"))) {
                problems.add(slug + ": a streaming link has the fields " + fields + ", not service, name, url, regions");
                continue;
            }
            String service = link.path("service").asText();
            if (!service.matches(StreamingLink.SERVICE_KEY) || !services.add(service)) {
                problems.add(slug + ": streaming service '" + service + "' is not a key or is listed twice");
            }
            if (link.path("name").asText().isBlank()) {
                problems.add(slug + ": streaming " + service + " has no name");
            }
            serviceNames.computeIfAbsent(service, k -> new TreeSet<>()).add(link.path("name").asText());
            JsonNode url = link.path("url");
            if (!url.isNull() && !(url.isTextual() && url.asText().matches(StreamingLink.HTTPS_URL))) {
                problems.add(slug + ": streaming " + service + " url is not https: " + url);
            }
            if (!link.path("regions").isArray()) {
                problems.add(slug + ": streaming " + service + " regions is not a list");
            }
            link.path("regions").forEach(region -> {
                if (!region.asText().matches("^[A-Z]{2}$")) {
                    problems.add(slug + ": streaming " + service + " region " + region + " is not an ISO 3166-1 alpha-2 code");
                }
            });
        }
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
