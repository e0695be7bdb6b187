package setsunai.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** The service's own role owns `catalog` and cannot reach the songs service's schema. */
@QuarkusTest
class LeastPrivilegeTest {

    @Inject
    DataSource dataSource;

    @Test
    void connectsAsItsOwnRoleWithoutSuperpowers() throws SQLException {
        try (Connection connection = dataSource.getConnection();
             ResultSet row = connection.createStatement().executeQuery(
                     "SELECT current_user, rolsuper, rolcreaterole, rolcreatedb FROM pg_roles WHERE rolname = current_user")) {
            row.next();
            assertEquals("catalog", row.getString(1));
            assertFalse(row.getBoolean(2), "superuser");
            assertFalse(row.getBoolean(3), "may create roles");
            assertFalse(row.getBoolean(4), "may create databases");
        }
    }

    @Test
    void cannotReadOrWriteTheSongsSchema() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            SQLException read = assertThrows(SQLException.class,
                    () -> connection.createStatement().executeQuery("SELECT * FROM songs.song"));
            assertEquals("42501", read.getSQLState(), read.getMessage()); // insufficient_privilege
            SQLException create = assertThrows(SQLException.class,
                    () -> connection.createStatement().execute("CREATE TABLE songs.intruder (id int)"));
            assertEquals("42501", create.getSQLState(), create.getMessage());
        }
    }
}
