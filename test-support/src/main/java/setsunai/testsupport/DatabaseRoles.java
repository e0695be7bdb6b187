package setsunai.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/**
 * Applies db/roles.sql, the same script docker compose runs, through JDBC: creates the database if needed,
 * then the catalog and songs roles and schemas.
 */
public final class DatabaseRoles {

    public static final String DATABASE = "setsunai";
    /** Passwords for local runs and tests only; compose takes them from the environment. */
    public static final Map<String, String> DEV_PASSWORDS = Map.of("catalog", "catalog", "songs", "songs");

    private DatabaseRoles() {
    }

    /** @param serverUrl a JDBC URL of any database on the server, used to create {@value #DATABASE} */
    public static void createDatabase(String serverUrl, String adminUser, String adminPassword) throws SQLException {
        try (Connection connection = DriverManager.getConnection(serverUrl, adminUser, adminPassword);
             Statement statement = connection.createStatement()) {
            var exists = statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'");
            if (!exists.next()) {
                statement.execute("CREATE DATABASE " + DATABASE);
            }
        }
    }

    public static void apply(String databaseUrl, String adminUser, String adminPassword, Map<String, String> passwords)
            throws SQLException {
        try (Connection connection = DriverManager.getConnection(databaseUrl, adminUser, adminPassword);
             Statement statement = connection.createStatement()) {
            statement.execute(script(passwords));
        }
    }

    /** roles.sql with its psql variables (:'catalog_password', :'songs_password') filled in as SQL literals. */
    static String script(Map<String, String> passwords) {
        String sql = read();
        for (var entry : passwords.entrySet()) {
            sql = sql.replace(":'" + entry.getKey() + "_password'", literal(entry.getValue()));
        }
        if (sql.contains(":'")) {
            throw new IllegalArgumentException("roles.sql needs a password that was not given: " + passwords.keySet());
        }
        return sql;
    }

    private static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    private static String read() {
        try (InputStream in = DatabaseRoles.class.getResourceAsStream("/setsunai/roles.sql")) {
            if (in == null) {
                throw new IllegalStateException("setsunai/roles.sql is missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
