package setsunai.songs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import setsunai.songs.api.ArtistRole;
import setsunai.songs.api.SongChecks;
import setsunai.songs.api.SongInput;
import setsunai.common.vocabulary.SongMood;
import setsunai.common.vocabulary.UsageRole;

/**
 * The curated file itself, read as a reviewer would (no application needed): unique slugs, known enum values,
 * one name per artist slug, every usage pointing at a title of the catalogue's dataset, and alternative titles and
 * external ids that the API would accept.
 */
class DatasetIntegrityTest {

    private static final Pattern SLUG = Pattern.compile("^[a-z0-9]+(-[a-z0-9]+)*$");

    private static List<JsonNode> songs;
    private static Set<String> titleSlugs;

    @BeforeAll
    static void read() {
        songs = CuratedSongs.songs();
        titleSlugs = new HashSet<>();
        CuratedSongs.readAll(CuratedSongs.TITLES).forEach(title -> titleSlugs.add(title.path("slug").asText()));
    }

    @Test
    void holdsTheCuratedSongs() {
        assertTrue(songs.size() >= 100, "songs: " + songs.size());
        assertTrue(titleSlugs.size() >= 50, "catalogue titles: " + titleSlugs.size());
    }

    @Test
    void slugsAreUniqueAndUrlSafe() {
        Set<String> seen = new HashSet<>();
        for (JsonNode song : songs) {
            String slug = song.path("slug").asText();
            assertTrue(SLUG.matcher(slug).matches(), "bad slug: " + slug);
            assertTrue(seen.add(slug), "duplicate slug: " + slug);
        }
    }

    @Test
    void everySongIsComplete() {
        for (JsonNode song : songs) {
            String slug = song.path("slug").asText();
            assertTrue(!song.path("title").asText().isBlank(), slug + ": title");
            assertTrue(song.path("artists").size() >= 1, slug + ": artists");
            int year = song.path("year").asInt();
            assertTrue(year >= 1900 && year <= 2100, slug + ": year " + year);
            assertTrue(song.path("moods").size() >= 1, slug + ": moods");
            assertTrue(song.path("usages").size() >= 1, slug + ": usages");
        }
    }

    @Test
    void enumValuesAreKnown() {
        for (JsonNode song : songs) {
            String slug = song.path("slug").asText();
            song.path("moods").forEach(m -> assertTrue(names(SongMood.values()).contains(m.asText()), slug + ": mood " + m));
            Set<String> credits = new HashSet<>();
            song.path("artists").forEach(a -> {
                assertTrue(names(ArtistRole.values()).contains(a.path("role").asText()), slug + ": role " + a);
                assertTrue(credits.add(a.path("slug").asText() + "/" + a.path("role").asText()), slug + ": credited twice " + a);
            });
            song.path("usages").forEach(u -> {
                assertTrue(names(UsageRole.values()).contains(u.path("role").asText()), slug + ": usage role " + u);
                assertTrue(u.path("sequence").isNull() || u.path("sequence").asInt() >= 1, slug + ": sequence " + u);
            });
        }
    }

    @Test
    void anArtistSlugHasOneName() {
        Map<String, Set<String>> names = new HashMap<>();
        for (JsonNode song : songs) {
            song.path("artists").forEach(a -> {
                assertTrue(SLUG.matcher(a.path("slug").asText()).matches(), "bad artist slug: " + a);
                assertTrue(!a.path("name").asText().isBlank(), "artist without a name: " + a);
                names.computeIfAbsent(a.path("slug").asText(), s -> new TreeSet<>()).add(a.path("name").asText());
            });
        }
        names.forEach((slug, seen) -> assertEquals(1, seen.size(), slug + " is named " + seen));
    }

    @Test
    void everyUsagePointsAtACatalogueTitle() {
        Set<String> unknown = new TreeSet<>();
        for (JsonNode song : songs) {
            song.path("usages").forEach(u -> {
                if (!titleSlugs.contains(u.path("titleSlug").asText())) {
                    unknown.add(song.path("slug").asText() + " -> " + u.path("titleSlug").asText());
                }
            });
        }
        assertEquals(Set.of(), unknown, "usages of titles the catalogue does not have");
    }

    @Test
    void alternativeTitlesAndExternalIdsPassTheApisChecks() throws Exception {
        ObjectMapper mapper = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
        for (JsonNode song : songs) {
            SongInput input = mapper.treeToValue(song, SongInput.class);
            assertEquals(List.of(), SongChecks.errors(input), input.slug());
            // An alternative title is another name: not the title or the native title again.
            for (String name : input.alternativeTitlesOrEmpty()) {
                assertTrue(!name.equalsIgnoreCase(input.title()) && !name.equalsIgnoreCase(String.valueOf(input.nativeTitle())),
                        input.slug() + ": '" + name + "' is its title");
            }
        }
    }

    private static Set<String> names(Enum<?>[] values) {
        return new HashSet<>(Arrays.stream(values).map(Enum::name).toList());
    }
}
