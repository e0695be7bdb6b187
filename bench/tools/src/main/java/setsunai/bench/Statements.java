package setsunai.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The database time of the statements a load step issued: two snapshots of pg_stat_statements (before and after the
 * step) and their difference. A difference rather than a reset, so that the run's overall statement table (step 9 of
 * bench/run.sh) still covers every step; it is the same figure as a reset before the step.
 *
 * <p>Only top-level statements of the services' own roles count: a statement inside a SQL function (tracked too, as
 * {@code pg_stat_statements.track = all}) is already part of the time of the statement that called it, and the
 * superuser's statements are the harness's own (these snapshots, ANALYZE). Time = execution + planning
 * ({@code track_planning} is on in {@link BenchDatabase}).
 */
final class Statements {

    record Row(String role, String queryId, long calls, double ms, String query) {
    }

    private Statements() {
    }

    static Map<String, Row> snapshot(String jdbcUrl) throws SQLException {
        Map<String, Row> rows = new HashMap<>();
        try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", ""); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("""
                     SELECT s.userid::regrole::text, s.queryid::text, s.calls, s.total_exec_time + s.total_plan_time,
                            left(regexp_replace(s.query, '\\s+', ' ', 'g'), 300)
                     FROM pg_stat_statements s
                     WHERE s.toplevel AND s.dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
                       AND s.userid <> (SELECT oid FROM pg_roles WHERE rolname = current_user)""")) {
            while (r.next()) {
                Row row = new Row(r.getString(1), r.getString(2), r.getLong(3), r.getDouble(4), r.getString(5));
                rows.put(row.role + "/" + row.queryId, row);
            }
        }
        return rows;
    }

    /** What was issued between the two snapshots, the most time first. */
    static List<Row> diff(Map<String, Row> before, Map<String, Row> after) {
        List<Row> issued = new ArrayList<>();
        for (var e : after.entrySet()) {
            Row a = e.getValue();
            Row b = before.get(e.getKey());
            long calls = a.calls - (b == null ? 0 : b.calls);
            if (calls > 0) {
                issued.add(new Row(a.role, a.queryId, calls, a.ms - (b == null ? 0 : b.ms), a.query));
            }
        }
        issued.sort(Comparator.comparingDouble(Row::ms).reversed());
        return issued;
    }

    static void write(Path file, List<Row> issued, long requests) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("role\tcalls\tcalls_per_req\ttotal_ms\tmean_ms\tms_per_req\tquery");
        for (Row r : issued) {
            lines.add(String.format(Locale.ROOT, "%s\t%d\t%.2f\t%.1f\t%.3f\t%.3f\t%s", r.role, r.calls, r.calls / (double) requests,
                    r.ms, r.ms / r.calls, r.ms / requests, r.query));
        }
        Files.write(file, lines);
    }
}
