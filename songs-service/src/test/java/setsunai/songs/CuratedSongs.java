package setsunai.songs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.StreamSupport;

/**
 * The curated songs file as a test reads it, so that expected counts and slugs come from the data the service loads
 * (the dataset grows; a number copied into a test goes stale). Surefire runs in the module directory.
 */
final class CuratedSongs {

    static final Path SONGS = Path.of("src/main/resources/dataset/songs.json");
    static final Path TITLES = Path.of("../catalog-service/src/main/resources/dataset/titles.json");

    private static final List<JsonNode> ALL = readAll(SONGS);

    private CuratedSongs() {
    }

    static List<JsonNode> readAll(Path file) {
        try {
            List<JsonNode> nodes = new ArrayList<>();
            new ObjectMapper().readTree(Files.readString(file)).forEach(nodes::add);
            return nodes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<JsonNode> songs() {
        return ALL;
    }

    static List<String> slugsWhere(Predicate<JsonNode> condition) {
        return ALL.stream().filter(condition).map(song -> song.path("slug").asText()).toList();
    }

    static int count(Predicate<JsonNode> condition) {
        return slugsWhere(condition).size();
    }

    static Predicate<JsonNode> hasMood(String... moods) {
        return song -> stream(song.path("moods")).anyMatch(m -> List.of(moods).contains(m.asText()));
    }

    static Predicate<JsonNode> byArtist(String artistSlug) {
        return song -> stream(song.path("artists")).anyMatch(a -> a.path("slug").asText().equals(artistSlug));
    }

    static Predicate<JsonNode> yearBetween(int from, int to) {
        return song -> song.path("year").asInt() >= from && song.path("year").asInt() <= to;
    }

    /** A usage with this role, for one of these titles (no titles: any title). */
    static Predicate<JsonNode> usedAs(String role, String... titleSlugs) {
        return song -> stream(song.path("usages")).anyMatch(u -> (role == null || u.path("role").asText().equals(role))
                && (titleSlugs.length == 0 || List.of(titleSlugs).contains(u.path("titleSlug").asText())));
    }

    static java.util.stream.Stream<JsonNode> stream(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false);
    }
}
