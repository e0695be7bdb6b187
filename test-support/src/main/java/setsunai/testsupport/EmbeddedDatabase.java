package setsunai.testsupport;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;

/** A real PostgreSQL from the binaries shipped in a jar: no Docker, nothing installed. */
public final class EmbeddedDatabase implements AutoCloseable {

    private final EmbeddedPostgres postgres;

    private EmbeddedDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /**
     * @param dataDirectory where the cluster lives; kept between starts when given, throwaway when null
     * @param port          0 for any free port
     */
    public static EmbeddedDatabase start(Path dataDirectory, int port) throws IOException, SQLException {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setServerConfig("max_connections", "200")
                .setServerConfig("shared_buffers", "128MB");
        if (dataDirectory != null) {
            builder.setDataDirectory(dataDirectory).setCleanDataDirectory(false);
        }
        if (port > 0) {
            builder.setPort(port);
        }
        EmbeddedDatabase database = new EmbeddedDatabase(builder.start());
        DatabaseRoles.createDatabase(database.url("postgres"), "postgres", "");
        DatabaseRoles.apply(database.url(), "postgres", "", DatabaseRoles.DEV_PASSWORDS);
        return database;
    }

    public int port() {
        return postgres.getPort();
    }

    public String url() {
        return url(DatabaseRoles.DATABASE);
    }

    private String url(String database) {
        return "jdbc:postgresql://localhost:" + port() + "/" + database;
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
