package setsunai.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.jboss.logging.Logger;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The PostgreSQL a test run talks to, chosen in this order:
 * <ol>
 *   <li>the datasource in the environment ({@code QUARKUS_DATASOURCE_JDBC_URL} and friends), used as it is;</li>
 *   <li>a Testcontainers PostgreSQL when a Docker engine answers;</li>
 *   <li>an embedded PostgreSQL otherwise (what CI on these machines uses).</li>
 * </ol>
 * One server per test JVM, shared by every test class; the roles and schemas come from db/roles.sql.
 */
public class PostgresTestResource implements QuarkusTestResourceLifecycleManager {

    private static final Logger LOG = Logger.getLogger(PostgresTestResource.class);
    private static String jdbcUrl;

    @Override
    public synchronized Map<String, String> start() {
        if (System.getenv("QUARKUS_DATASOURCE_JDBC_URL") != null) {
            LOG.info("Tests use the datasource from QUARKUS_DATASOURCE_JDBC_URL");
            return Map.of();
        }
        if (jdbcUrl == null) {
            jdbcUrl = dockerAnswers() ? startContainer() : startEmbedded();
        }
        return Map.of("quarkus.datasource.jdbc.url", jdbcUrl);
    }

    /** The JDBC URL of the shared test database (after start), for tests that connect as another role. */
    public static String jdbcUrl() {
        return jdbcUrl;
    }

    @Override
    public void stop() {
        // The server outlives a single Quarkus application: it is stopped when the test JVM exits.
    }

    private static boolean dockerAnswers() {
        boolean configured = System.getenv("DOCKER_HOST") != null || Files.exists(Path.of("/var/run/docker.sock"));
        try {
            return configured && DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static String startContainer() {
        LOG.info("Docker answers: starting PostgreSQL with Testcontainers");
        PostgreSQLContainer container = new PostgreSQLContainer("postgres:16-alpine").withDatabaseName(DatabaseRoles.DATABASE);
        container.start();
        try {
            DatabaseRoles.apply(container.getJdbcUrl(), container.getUsername(), container.getPassword(),
                    DatabaseRoles.DEV_PASSWORDS);
        } catch (Exception e) {
            throw new IllegalStateException("Could not create the Setsunai roles in the test container", e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(container::stop));
        return container.getJdbcUrl();
    }

    private static String startEmbedded() {
        LOG.info("No datasource given and no Docker engine: starting an embedded PostgreSQL");
        try {
            EmbeddedDatabase database = EmbeddedDatabase.throwaway();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    database.close();
                } catch (Exception ignored) {
                    // the JVM is going away; nothing left to tell
                }
            }));
            return database.url();
        } catch (Exception e) {
            throw new IllegalStateException("Could not start the embedded PostgreSQL", e);
        }
    }
}
