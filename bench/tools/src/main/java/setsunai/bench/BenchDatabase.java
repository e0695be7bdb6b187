package setsunai.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.concurrent.CountDownLatch;

/**
 * The benchmark's private PostgreSQL: the same embedded binaries and settings as test-support's LocalDatabase
 * (max_connections 200, shared_buffers 128MB), in a throwaway data directory, plus what a benchmark needs to explain
 * itself: pg_stat_statements (time per statement) and auto_explain (plans of slow statements, switched on only for
 * the diagnosis step), logged to files under the given log directory. Roles and schemas come from db/roles.sql,
 * with the development passwords, exactly as ./run.sh creates them.
 *
 * <pre>java -cp ... setsunai.bench.BenchDatabase &lt;data-dir&gt; &lt;port&gt; &lt;db/roles.sql&gt; &lt;log-dir&gt;</pre>
 * Runs until SIGINT/SIGTERM, then stops the server.
 */
public final class BenchDatabase {

    private BenchDatabase() {
    }

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]).toAbsolutePath();
        int port = Integer.parseInt(args[1]);
        Path rolesSql = Path.of(args[2]);
        Path logs = Path.of(args[3]).toAbsolutePath();
        Files.createDirectories(logs);
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(data).setCleanDataDirectory(true).setPort(port)
                .setServerConfig("max_connections", "200")
                .setServerConfig("shared_buffers", "128MB")
                .setServerConfig("shared_preload_libraries", "pg_stat_statements,auto_explain")
                .setServerConfig("pg_stat_statements.track", "all")
                // Planning time counts as database time too (the per-step database time of the report).
                .setServerConfig("pg_stat_statements.track_planning", "on")
                .setServerConfig("logging_collector", "on")
                .setServerConfig("log_directory", logs.toString())
                .setServerConfig("log_filename", "postgresql.log")
                .start();
        String admin = "jdbc:postgresql://localhost:" + port + "/postgres";
        try (Connection c = DriverManager.getConnection(admin, "postgres", ""); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE setsunai");
        }
        String url = "jdbc:postgresql://localhost:" + port + "/setsunai";
        String roles = Files.readString(rolesSql, StandardCharsets.UTF_8)
                .replace(":'catalog_password'", "'catalog'")
                .replace(":'songs_password'", "'songs'");
        try (Connection c = DriverManager.getConnection(url, "postgres", ""); Statement s = c.createStatement()) {
            s.execute(roles);
            s.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                postgres.close();
            } catch (Exception e) {
                System.err.println("Could not stop PostgreSQL cleanly: " + e.getMessage());
            }
            stopped.countDown();
        }));
        System.out.println("PostgreSQL ready: " + url + " (data in " + data + ")");
        stopped.await();
    }
}
