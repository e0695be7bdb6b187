package db.migration;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.util.zip.CRC32;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Loads the curated dataset (src/main/resources/dataset/songs.json) with its artists and usages.
 * Repeatable: Flyway runs it again whenever the file changes (its CRC is the checksum); songs and artists are
 * upserted by slug (a song's version moves only when it really changed) and a dataset song's credits and usages
 * are replaced by the file's. Songs added through the API are left alone.
 */
public class R__Songs_dataset extends BaseJavaMigration {

    private static final String DATASET = "dataset/songs.json";

    private static final String UPSERT_ARTISTS = """
            INSERT INTO artist (slug, name)
            SELECT DISTINCT ON (a->>'slug') a->>'slug', a->>'name'
            FROM jsonb_array_elements(?::jsonb) AS s, jsonb_array_elements(s->'artists') AS a
            ORDER BY a->>'slug'
            ON CONFLICT (slug) DO UPDATE SET name = EXCLUDED.name WHERE artist.name IS DISTINCT FROM EXCLUDED.name
            """;

    private static final String UPSERT_SONGS = """
            INSERT INTO song (slug, title, native_title, year, single, moods, description)
            SELECT s.slug, s.title, s."nativeTitle", s.year, s.single, coalesce(s.moods, '{}'), s.description
            FROM jsonb_to_recordset(?::jsonb) AS s(slug text, title text, "nativeTitle" text, year integer,
                 single text, moods text[], description text)
            ON CONFLICT (slug) DO UPDATE SET
                title = EXCLUDED.title, native_title = EXCLUDED.native_title, year = EXCLUDED.year,
                single = EXCLUDED.single, moods = EXCLUDED.moods, description = EXCLUDED.description,
                version = song.version + 1, updated_at = now()
            WHERE (song.title, song.native_title, song.year, song.single, song.moods, song.description)
                IS DISTINCT FROM
                  (EXCLUDED.title, EXCLUDED.native_title, EXCLUDED.year, EXCLUDED.single, EXCLUDED.moods,
                   EXCLUDED.description)
            """;

    private static final String CLEAR_CREDITS = """
            DELETE FROM song_artist WHERE song_id IN (SELECT song.id FROM song
                JOIN jsonb_array_elements(?::jsonb) AS s ON song.slug = s->>'slug')
            """;

    private static final String INSERT_CREDITS = """
            WITH dataset AS (SELECT s FROM jsonb_array_elements(?::jsonb) AS s)
            INSERT INTO song_artist (song_id, artist_id, role, position)
            SELECT song.id, artist.id, a.value->>'role', a.ordinality
            FROM dataset
            JOIN song ON song.slug = dataset.s->>'slug'
            CROSS JOIN LATERAL jsonb_array_elements(dataset.s->'artists') WITH ORDINALITY AS a(value, ordinality)
            JOIN artist ON artist.slug = a.value->>'slug'
            """;

    private static final String CLEAR_USAGES = """
            DELETE FROM song_usage WHERE song_id IN (SELECT song.id FROM song
                JOIN jsonb_array_elements(?::jsonb) AS s ON song.slug = s->>'slug')
            """;

    private static final String INSERT_USAGES = """
            WITH dataset AS (SELECT s FROM jsonb_array_elements(?::jsonb) AS s)
            INSERT INTO song_usage (song_id, title_slug, title_name, role, sequence, episodes, note, position)
            SELECT song.id, u.value->>'titleSlug', u.value->>'titleName', u.value->>'role',
                   (u.value->>'sequence')::integer, u.value->>'episodes', u.value->>'note', u.ordinality
            FROM dataset
            JOIN song ON song.slug = dataset.s->>'slug'
            CROSS JOIN LATERAL jsonb_array_elements(coalesce(dataset.s->'usages', '[]')) WITH ORDINALITY AS u(value, ordinality)
            """;

    // Titles, native titles and artist names feed search (see V2__search.sql): refresh the file's songs and every
    // other song crediting one of its artists (a renamed artist changes those songs' search text too).
    private static final String REFRESH_SEARCH_TEXT = """
            UPDATE song SET search_text = coalesce(song_search_text(song.id), '')
            WHERE song.id IN (SELECT sa.song_id FROM song_artist sa JOIN artist ON artist.id = sa.artist_id
                              WHERE artist.slug IN (SELECT a->>'slug' FROM jsonb_array_elements(?::jsonb) AS s,
                                                    jsonb_array_elements(s->'artists') AS a))
              AND song.search_text IS DISTINCT FROM coalesce(song_search_text(song.id), '')
            """;

    /** Bump when the SQL above changes, so that Flyway runs the loader again even if the file did not change. */
    private static final String LOADER_REVISION = "2";

    @Override
    public Integer getChecksum() {
        CRC32 crc = new CRC32();
        crc.update(LOADER_REVISION.getBytes(StandardCharsets.UTF_8));
        crc.update(read().getBytes(StandardCharsets.UTF_8));
        return (int) crc.getValue();
    }

    @Override
    public void migrate(Context context) throws Exception {
        String json = read();
        for (String sql : new String[] {UPSERT_ARTISTS, UPSERT_SONGS, CLEAR_CREDITS, INSERT_CREDITS, CLEAR_USAGES, INSERT_USAGES,
                REFRESH_SEARCH_TEXT}) {
            try (PreparedStatement statement = context.getConnection().prepareStatement(sql)) {
                statement.setString(1, json);
                statement.executeUpdate();
            }
        }
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
