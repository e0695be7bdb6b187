package db.migration;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.util.List;
import java.util.zip.CRC32;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import setsunai.songs.api.SongChecks;
import setsunai.songs.api.SongInput;
import setsunai.songs.service.SongService;
import setsunai.songs.store.SongStore;

/**
 * Loads the curated dataset (src/main/resources/dataset/songs.json, songs in the API's shape) with its artists and
 * usages, through the same write path as the API and the import, on Flyway's connection: the same normalisation,
 * the same artist rule (a new artist is created, an existing one keeps its name), the same upsert by slug (a song's
 * version moves only when it really changed; its credits and usages become the file's).
 * Repeatable: Flyway runs it again whenever the file changes (its CRC is the checksum). Songs added through the API
 * are left alone.
 */
public class R__Songs_dataset extends BaseJavaMigration {

    private static final String DATASET = "dataset/songs.json";

    /** Bump when the loading changes, so that Flyway runs the loader again even if the file did not change. */
    private static final String LOADER_REVISION = "4";

    @Override
    public Integer getChecksum() {
        CRC32 crc = new CRC32();
        crc.update(LOADER_REVISION.getBytes(StandardCharsets.UTF_8));
        crc.update(read().getBytes(StandardCharsets.UTF_8));
        return (int) crc.getValue();
    }

    @Override
    public void migrate(Context context) throws Exception {
        List<SongInput> file = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
                .readValue(read(), new TypeReference<List<SongInput>>() { });
        // No validator runs here: the checks of alternative titles and external ids that the API applies, by hand.
        for (SongInput song : file) {
            var errors = SongChecks.errors(song);
            if (!errors.isEmpty()) {
                throw new IllegalStateException(DATASET + ": " + song.slug() + ": " + errors);
            }
        }
        List<SongInput> songs = file.stream().map(song -> song.normalized(song.slug())).toList();
        Connection connection = context.getConnection();
        var errors = SongService.createArtists(connection, songs);
        for (int i = 0; i < songs.size(); i++) {
            if (!errors.get(i).isEmpty()) {
                throw new IllegalStateException(DATASET + ": " + songs.get(i).slug() + ": " + errors.get(i));
            }
        }
        SongStore.upsert(connection, songs);
    }

    private static String read() {
        try (InputStream in = R__Songs_dataset.class.getClassLoader().getResourceAsStream(DATASET)) {
            if (in == null) {
                throw new IllegalStateException(DATASET + " is missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
