package setsunai.testsupport;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * The private PostgreSQL of ./run.sh: a cluster under the project (.run/postgres by default) that keeps its data
 * between runs, with the Setsunai roles and schemas. Runs until it is sent SIGINT or SIGTERM, then stops the server.
 *
 * <pre>java -cp ... setsunai.testsupport.LocalDatabase &lt;data-directory&gt; &lt;port&gt;</pre>
 */
public final class LocalDatabase {

    private LocalDatabase() {
    }

    public static void main(String[] args) throws Exception {
        Path dataDirectory = Path.of(args.length > 0 ? args[0] : ".run/postgres").toAbsolutePath();
        int port = args.length > 1 ? Integer.parseInt(args[1]) : 5433;
        EmbeddedDatabase database = EmbeddedDatabase.start(dataDirectory, port);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                database.close();
            } catch (Exception e) {
                System.err.println("Could not stop PostgreSQL cleanly: " + e.getMessage());
            }
            stopped.countDown();
        }));
        System.out.println("PostgreSQL ready: " + database.url() + " (data in " + dataDirectory + ")");
        stopped.await();
    }
}
