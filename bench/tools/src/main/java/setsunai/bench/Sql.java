package setsunai.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;

/**
 * Runs SQL statements as the database superuser and prints any rows, tab-separated (ANALYZE, pg_stat_statements,
 * switching auto_explain on and off, table sizes).
 *
 * <pre>java -cp ... setsunai.bench.Sql &lt;jdbc url&gt; &lt;statement&gt;...</pre>
 */
public final class Sql {

    private Sql() {
    }

    public static void main(String[] args) throws Exception {
        try (Connection c = DriverManager.getConnection(args[0], "postgres", ""); Statement s = c.createStatement()) {
            for (int i = 1; i < args.length; i++) {
                if (s.execute(args[i])) {
                    try (ResultSet rows = s.getResultSet()) {
                        ResultSetMetaData meta = rows.getMetaData();
                        StringBuilder header = new StringBuilder();
                        for (int col = 1; col <= meta.getColumnCount(); col++) {
                            header.append(col > 1 ? "\t" : "").append(meta.getColumnLabel(col));
                        }
                        System.out.println(header);
                        while (rows.next()) {
                            StringBuilder line = new StringBuilder();
                            for (int col = 1; col <= meta.getColumnCount(); col++) {
                                String v = rows.getString(col);
                                line.append(col > 1 ? "\t" : "").append(v == null ? "" : v.replaceAll("\\s+", " "));
                            }
                            System.out.println(line);
                        }
                    }
                }
            }
        }
    }
}
