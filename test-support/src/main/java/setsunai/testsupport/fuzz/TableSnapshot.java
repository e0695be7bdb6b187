package setsunai.testsupport.fuzz;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;

/** What one schema stores: per table, the row count and an md5 of its rows in a fixed order. */
public final class TableSnapshot {

    private TableSnapshot() {
    }

    /** table name → "rows=N md5=…" for every table of {@code schema}. */
    public static Map<String, String> of(DataSource dataSource, String schema) {
        Map<String, String> tables = new TreeMap<>();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            List<String> names = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery("SELECT table_name FROM information_schema.tables WHERE table_schema = '"
                    + schema.replace("'", "''") + "' AND table_type = 'BASE TABLE' ORDER BY table_name")) {
                while (rows.next()) {
                    names.add(rows.getString(1));
                }
            }
            if (names.isEmpty()) {
                throw new IllegalStateException("No tables in schema " + schema + ": nothing to compare");
            }
            for (String name : names) {
                String table = quote(schema) + "." + quote(name);
                try (ResultSet row = statement.executeQuery("SELECT count(*), md5(coalesce(string_agg(t::text, E'\\n' ORDER BY t::text), ''))"
                        + " FROM " + table + " t")) {
                    row.next();
                    tables.put(name, "rows=" + row.getLong(1) + " md5=" + row.getString(2));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not snapshot schema " + schema, e);
        }
        return tables;
    }

    private static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
