package db.migration;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.zip.CRC32;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import setsunai.catalog.api.TitleInput;
import setsunai.catalog.store.TitleWrites;

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

    private static final ObjectMapper JSON = new ObjectMapper();

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
        // The titles through the store's one write, as the API and the import write them.
        List<TitleInput> titles = JSON.readValue(read(TITLES), new TypeReference<List<TitleInput>>() { });
        TitleWrites.write(context.getConnection(), titles, TitleWrites.DATASET_FIRST_VERSION);
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
