package setsunai.songs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import db.migration.R__Songs_dataset;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.migration.Context;
import org.junit.jupiter.api.Test;

/**
 * The dataset loader follows the one artist rule of the write path: an artist that exists keeps its name, so a
 * re-run of the loader (the file changed) never renames an artist an editor named differently.
 */
@QuarkusTest
class DatasetLoaderTest {

    private static final String ARTIST = "supercell"; // credited in dataset/songs.json

    @Inject
    DataSource dataSource;

    @Test
    void aRerunKeepsTheNameOfAnArtistThatExists() throws Exception {
        String original = nameOf(ARTIST);
        try {
            rename(ARTIST, "supercell (as the editors wrote it)");
            rerunLoader();
            assertEquals("supercell (as the editors wrote it)", nameOf(ARTIST));
        } finally {
            rename(ARTIST, original);
        }
    }

    private void rerunLoader() throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            new R__Songs_dataset().migrate(new Context() {
                @Override
                public Configuration getConfiguration() {
                    return null; // the loader reads only its connection
                }

                @Override
                public Connection getConnection() {
                    return connection;
                }
            });
            connection.commit();
        }
    }

    private String nameOf(String slug) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT name FROM artist WHERE slug = ?")) {
            select.setString(1, slug);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getString(1);
            }
        }
    }

    private void rename(String slug, String name) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement("UPDATE artist SET name = ? WHERE slug = ?")) {
            update.setString(1, name);
            update.setString(2, slug);
            assertEquals(1, update.executeUpdate());
        }
    }
}
