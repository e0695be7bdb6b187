package setsunai.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * An outage of the database for one service, made on the test's own PostgreSQL without stopping it (other test
 * classes share the server): the service's role may open no connection (CONNECTION LIMIT 0, "too many
 * connections") and its open ones are terminated ("admin shutdown"), as when PostgreSQL restarts.
 */
public final class DatabaseOutage {

    private DatabaseOutage() {
    }

    /** Only on the embedded server this JVM started, whose superuser is postgres without a password. */
    public static boolean possible() {
        return PostgresTestResource.jdbcUrl() != null;
    }

    public static void begin(String role) throws SQLException {
        admin("ALTER ROLE " + role + " CONNECTION LIMIT 0");
        admin("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = '" + role + "'");
    }

    /** Safe to call when no outage was begun: call it after every test, so no test leaves the database closed. */
    public static void end(String role) throws SQLException {
        admin("ALTER ROLE " + role + " CONNECTION LIMIT -1");
    }

    private static void admin(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(PostgresTestResource.jdbcUrl(), "postgres", "");
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
