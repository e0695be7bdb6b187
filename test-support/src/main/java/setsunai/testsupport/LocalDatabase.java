package setsunai.testsupport;

import java.nio.file.Path;
import setsunai.testsupport.EmbeddedDatabase.Durability;

/**
 * The private PostgreSQL of ./run.sh: a cluster under the project (.run/postgres by default) that keeps its data
 * between runs, with the Setsunai roles and schemas. It is durable: a commit that answered survives a kill of the
 * server or a crash of the machine. A server found killed (a stale postmaster.pid) comes back by PostgreSQL's crash
 * recovery; a server that dies while this runs is started again the same way, so the services recover by themselves.
 * Runs until it is sent SIGINT or SIGTERM, then stops the server.
 *
 * <pre>java -cp ... setsunai.testsupport.LocalDatabase &lt;data-directory&gt; &lt;port&gt;</pre>
 */
public final class LocalDatabase {

    private static EmbeddedDatabase database;
    private static boolean stopping;

    private LocalDatabase() {
    }

    public static void main(String[] args) throws Exception {
        Path dataDirectory = Path.of(args.length > 0 ? args[0] : ".run/postgres").toAbsolutePath();
        int port = args.length > 1 ? Integer.parseInt(args[1]) : 5433;
        database = EmbeddedDatabase.start(dataDirectory, port, Durability.DURABLE);
        Runtime.getRuntime().addShutdownHook(new Thread(LocalDatabase::stop));
        System.out.println("PostgreSQL ready: " + database.url() + " (data in " + dataDirectory + ")");
        while (true) {
            ProcessHandle server = database.server();
            server.onExit().join();
            synchronized (LocalDatabase.class) {
                if (stopping) {
                    return;
                }
                System.out.println("PostgreSQL (pid " + server.pid() + ") exited unexpectedly; starting it again");
                closeQuietly();
                database = EmbeddedDatabase.start(dataDirectory, port, Durability.DURABLE);
                System.out.println("PostgreSQL ready again: " + database.url());
            }
        }
    }

    private static synchronized void stop() {
        stopping = true;
        closeQuietly();
    }

    private static void closeQuietly() {
        try {
            if (database != null) {
                database.close();
            }
        } catch (Exception e) {
            System.err.println("Could not stop PostgreSQL cleanly: " + e.getMessage());
        }
    }
}
