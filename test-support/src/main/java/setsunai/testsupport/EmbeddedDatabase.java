package setsunai.testsupport;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** A real PostgreSQL from the binaries shipped in a jar: no Docker, nothing installed. */
public final class EmbeddedDatabase implements AutoCloseable {

    /** What a commit that answered means: whether it survives a crash of the server or of the machine. */
    public enum Durability {
        /**
         * Every acknowledged commit is on disk (fsync, synchronous_commit, full_page_writes on), and a server that
         * was killed comes back by crash recovery with all of them: for a cluster that keeps data (./run.sh).
         */
        DURABLE,
        /**
         * zonky's test defaults (fsync and synchronous_commit off): fast, but a crash may lose the last commits or
         * corrupt the cluster. Only for data nobody keeps.
         */
        THROWAWAY
    }

    private final EmbeddedPostgres postgres;
    private final Path dataDirectory;

    private EmbeddedDatabase(EmbeddedPostgres postgres, Path dataDirectory) {
        this.postgres = postgres;
        this.dataDirectory = dataDirectory;
    }

    /** A fast server in a temporary directory on any free port, deleted when closed. */
    public static EmbeddedDatabase throwaway() throws IOException, SQLException {
        return start(null, 0, Durability.THROWAWAY);
    }

    /**
     * @param dataDirectory where the cluster lives; kept between starts when given (a cluster that exists is
     *                      started as it is, after crash recovery if it was killed), temporary when null
     * @param port          0 for any free port
     */
    public static EmbeddedDatabase start(Path dataDirectory, int port, Durability durability)
            throws IOException, SQLException {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setServerConfig("max_connections", "200")
                .setServerConfig("shared_buffers", "128MB");
        if (durability == Durability.DURABLE) {
            // zonky starts the server with -F (fsync off) and synchronous_commit=off; a later -c wins over both.
            // Crash recovery replays the WAL before the server accepts connections, which may outlast zonky's 10 s.
            builder.setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on")
                    .setPGStartupWait(Duration.ofSeconds(120));
        }
        if (dataDirectory != null) {
            builder.setDataDirectory(dataDirectory).setCleanDataDirectory(false);
            awaitProcessesOfAKilledServer(dataDirectory);
        }
        if (port > 0) {
            builder.setPort(port);
        }
        EmbeddedDatabase database = new EmbeddedDatabase(builder.start(), dataDirectory);
        DatabaseRoles.createDatabase(database.url("postgres"), "postgres", "");
        DatabaseRoles.apply(database.url(), "postgres", "", DatabaseRoles.DEV_PASSWORDS);
        return database;
    }

    /**
     * When a server was killed (its postmaster.pid names a process that is gone), its other processes exit by
     * themselves once they notice, and until then PostgreSQL refuses to start on the data directory ("pre-existing
     * shared memory block is still in use"). Waits, for a minute at most, until none is attached to the shared
     * memory the pid file names (Linux: /proc/sysvipc/shm); PostgreSQL then removes the stale file and recovers.
     */
    private static void awaitProcessesOfAKilledServer(Path dataDirectory) throws IOException {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        Path segments = Path.of("/proc/sysvipc/shm");
        if (!Files.exists(pidFile) || !Files.isReadable(segments)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.size() < 7 || ProcessHandle.of(Long.parseLong(lines.get(0).trim())).isPresent()) {
            return; // a server that runs: PostgreSQL itself refuses to start a second one
        }
        String shmid = lines.get(6).trim().split("\\s+")[1];
        Instant deadline = Instant.now().plusSeconds(60);
        while (attachments(segments, shmid) > 0 && Instant.now().isBefore(deadline)) {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** How many processes are attached to a System V shared memory segment (0 when it is gone). */
    private static int attachments(Path segments, String shmid) throws IOException {
        try (var rows = Files.lines(segments)) {
            return rows.skip(1).map(row -> row.trim().split("\\s+"))
                    .filter(columns -> columns.length > 6 && columns[1].equals(shmid))
                    .mapToInt(columns -> Integer.parseInt(columns[6])).sum();
        }
    }

    public int port() {
        return postgres.getPort();
    }

    public String url() {
        return url(DatabaseRoles.DATABASE);
    }

    /**
     * The server's main process (the postmaster), as PostgreSQL records it in postmaster.pid; only for a server
     * started with a data directory.
     */
    public ProcessHandle server() throws IOException {
        if (dataDirectory == null) {
            throw new IllegalStateException("a server in a temporary directory does not say where its pid file is");
        }
        long pid = Long.parseLong(Files.readAllLines(dataDirectory.resolve("postmaster.pid")).get(0).trim());
        return ProcessHandle.of(pid).orElseThrow(() -> new IOException("PostgreSQL (pid " + pid + ") is not running"));
    }

    private String url(String database) {
        return "jdbc:postgresql://localhost:" + port() + "/" + database;
    }

    /** Stops the server (fast shutdown: open transactions are rolled back, committed ones are kept). */
    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
