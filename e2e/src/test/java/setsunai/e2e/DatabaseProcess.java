package setsunai.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import setsunai.testsupport.EmbeddedDatabase;
import setsunai.testsupport.EmbeddedDatabase.Durability;

/**
 * The system's PostgreSQL: a durable embedded cluster (as ./run.sh's) in e2e/target/e2e-postgres, which a test can
 * stop, kill and start again on the same port and data directory, as an operator or a crash would.
 */
final class DatabaseProcess implements AutoCloseable {

    private final Path dataDirectory;
    private int port;
    private EmbeddedDatabase server;

    /** A new cluster: whatever an earlier run left in the directory is removed. */
    DatabaseProcess(Path dataDirectory) throws IOException {
        this.dataDirectory = dataDirectory.toAbsolutePath();
        if (Files.exists(this.dataDirectory)) {
            try (Stream<Path> files = Files.walk(this.dataDirectory)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }
    }

    /** Starts the server: the first time on a free port, then on the same one (after crash recovery if killed). */
    void start() throws Exception {
        server = EmbeddedDatabase.start(dataDirectory, port, Durability.DURABLE);
        port = server.port();
    }

    int port() {
        return port;
    }

    String url() {
        return "jdbc:postgresql://localhost:" + port + "/setsunai";
    }

    /** A clean stop (fast shutdown: sessions are cut, every commit is kept); returns once the server is gone. */
    void stop() throws Exception {
        ProcessHandle postmaster = server.server();
        server.close();
        awaitExit(postmaster);
        server = null;
    }

    /**
     * {@code kill -9} of the postmaster, as a crash would: no shutdown checkpoint, whatever was in flight is cut.
     * Its other processes notice and exit by themselves; the next {@link #start()} waits for them, then PostgreSQL
     * recovers from its write-ahead log.
     *
     * @return the pid that was killed
     */
    long kill() throws Exception {
        ProcessHandle postmaster = server.server();
        postmaster.destroyForcibly(); // SIGKILL
        awaitExit(postmaster);
        // Releases the embedded server's lock on the directory; pg_ctl finds no server to stop and says so.
        server.close();
        server = null;
        return postmaster.pid();
    }

    private static void awaitExit(ProcessHandle process) throws Exception {
        process.onExit().get(60, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws Exception {
        if (server != null) {
            stop();
        }
    }
}
