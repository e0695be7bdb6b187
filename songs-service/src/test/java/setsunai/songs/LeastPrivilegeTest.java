package setsunai.songs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** The service's own role owns `songs` and cannot reach the catalogue's schema. */
@QuarkusTest
class LeastPrivilegeTest {

    @Inject
    DataSource dataSource;

    @Test
    void connectsAsItsOwnRoleAndCannotTouchTheCatalog() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            try (ResultSet row = connection.createStatement().executeQuery("SELECT current_user")) {
                row.next();
                assertEquals("songs", row.getString(1));
            }
            SQLException read = assertThrows(SQLException.class,
                    () -> connection.createStatement().executeQuery("SELECT * FROM catalog.title"));
            assertEquals("42501", read.getSQLState(), read.getMessage()); // insufficient_privilege
        }
    }
}
