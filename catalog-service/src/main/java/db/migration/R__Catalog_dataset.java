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
 * Loads the curated dataset (src/main/resources/dataset/*.json) into the catalogue.
 * Repeatable: Flyway runs it again whenever the files change (their CRC is the checksum), and it upserts by slug,
 * bumping a title's version only when its data really changed. Titles added through the API are left alone.
 */
public class R__Catalog_dataset extends BaseJavaMigration {

    private static final String UPSERT_TAGS = """
            INSERT INTO tag (slug, description)
            SELECT t.slug, t.description FROM jsonb_to_recordset(?::jsonb) AS t(slug text, description text)
            ON CONFLICT (slug) DO UPDATE SET description = EXCLUDED.description
            WHERE tag.description IS DISTINCT FROM EXCLUDED.description
            """;

    private static final String UPSERT_TITLES = """
            INSERT INTO title (slug, title, native_title, alternative_titles, format, episodes, year, season, studios,
                               directors, source, synopsis, tags, ending, tearjerker, streaming, external_ids)
            SELECT t.slug, t.title, t."nativeTitle", coalesce(t."alternativeTitles", '{}'), t.format, t.episodes, t.year,
                   t.season, coalesce(t.studios, '{}'), coalesce(t.directors, '{}'), t.source, t.synopsis,
                   coalesce(t.tags, '{}'), t.ending, t.tearjerker, coalesce(t.streaming, '{}'),
                   coalesce(t."externalIds", '{}')
            FROM jsonb_to_recordset(?::jsonb) AS t(slug text, title text, "nativeTitle" text, "alternativeTitles" text[],
                 format text, episodes integer, year integer, season text, studios text[], directors text[], source text,
                 synopsis text, tags text[], ending text, tearjerker integer, streaming text[], "externalIds" jsonb)
            ON CONFLICT (slug) DO UPDATE SET
                title = EXCLUDED.title, native_title = EXCLUDED.native_title,
                alternative_titles = EXCLUDED.alternative_titles, format = EXCLUDED.format,
                episodes = EXCLUDED.episodes, year = EXCLUDED.year, season = EXCLUDED.season,
                studios = EXCLUDED.studios, directors = EXCLUDED.directors, source = EXCLUDED.source,
                synopsis = EXCLUDED.synopsis, tags = EXCLUDED.tags, ending = EXCLUDED.ending,
                tearjerker = EXCLUDED.tearjerker, streaming = EXCLUDED.streaming, external_ids = EXCLUDED.external_ids,
                version = title.version + 1, updated_at = now()
            WHERE (title.title, title.native_title, title.alternative_titles, title.format, title.episodes, title.year,
                   title.season, title.studios, title.directors, title.source, title.synopsis, title.tags, title.ending,
                   title.tearjerker, title.streaming, title.external_ids)
                IS DISTINCT FROM
                  (EXCLUDED.title, EXCLUDED.native_title, EXCLUDED.alternative_titles, EXCLUDED.format,
                   EXCLUDED.episodes, EXCLUDED.year, EXCLUDED.season, EXCLUDED.studios, EXCLUDED.directors,
                   EXCLUDED.source, EXCLUDED.synopsis, EXCLUDED.tags, EXCLUDED.ending, EXCLUDED.tearjerker,
                   EXCLUDED.streaming, EXCLUDED.external_ids)
            """;

    static final String TAGS = "dataset/tags.json";
    static final String TITLES = "dataset/titles.json";

    @Override
    public Integer getChecksum() {
        CRC32 crc = new CRC32();
        crc.update(read(TAGS).getBytes(StandardCharsets.UTF_8));
        crc.update(read(TITLES).getBytes(StandardCharsets.UTF_8));
        return (int) crc.getValue();
    }

    @Override
    public void migrate(Context context) throws Exception {
        execute(context, UPSERT_TAGS, read(TAGS));
        execute(context, UPSERT_TITLES, read(TITLES));
    }

    private static void execute(Context context, String sql, String json) throws Exception {
        try (PreparedStatement statement = context.getConnection().prepareStatement(sql)) {
            statement.setString(1, json);
            statement.executeUpdate();
        }
    }

    private static String read(String resource) {
        try (InputStream in = R__Catalog_dataset.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
