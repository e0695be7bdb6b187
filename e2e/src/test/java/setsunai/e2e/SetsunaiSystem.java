package setsunai.e2e;

import static io.restassured.RestAssured.given;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The real system: one PostgreSQL prepared by db/roles.sql, and the three packaged services started with the
 * environment docker-compose.yml gives them (only host names and ports differ). Started once for all the test
 * classes of a run (a {@code SetsunaiSystem} parameter of a {@code @BeforeAll} method), stopped after the last.
 */
final class SetsunaiSystem implements AutoCloseable {

    final ComposeEnvironment compose;
    final DatabaseProcess database;
    final ServiceProcess catalog;
    final ServiceProcess songs;
    final ServiceProcess gateway;

    private SetsunaiSystem() throws Exception {
        compose = new ComposeEnvironment(Path.of("..", "docker-compose.yml"));
        database = new DatabaseProcess(Path.of("target", "e2e-postgres"));
        catalog = new ServiceProcess("catalog-service", ServiceProcess.freePort());
        songs = new ServiceProcess("songs-service", ServiceProcess.freePort());
        gateway = new ServiceProcess("gateway", ServiceProcess.freePort());
    }

    private void start() throws Exception {
        database.start();
        startService(catalog);
        startService(songs);
        catalog.awaitReady(Duration.ofSeconds(90));
        songs.awaitReady(Duration.ofSeconds(90));
        startService(gateway);
        gateway.awaitReady(Duration.ofSeconds(90));
        warmUp();
    }

    /** Starts one service (again, after a stop) with its compose environment, on its port. */
    void startService(ServiceProcess service) throws Exception {
        service.start(localized(compose.of(service.name)));
    }

    /**
     * The first requests to fresh JVMs (class loading, first queries) can outlast the gateway's timeouts on a busy
     * 2-core machine, giving honest but degraded answers, and enough of them open a circuit breaker for a few
     * seconds. These tests are about the wiring, not cold-start latency: it asks what the tests ask until three
     * rounds in a row are complete answers, and fails if that does not happen within two minutes.
     */
    private void warmUp() throws InterruptedException {
        List<String> paths = List.of("/api/titles/5-centimeters-per-second", "/api/titles/your-lie-in-april",
                "/api/songs/one-more-time-one-more-chance", "/api/recommendations?mood=heartbroken&limit=5",
                "/api/recommendations?mood=grieving&limit=5", "/api/recommendations?mood=longing");
        Instant deadline = Instant.now().plusSeconds(120);
        int complete = 0;
        while (complete < 3) {
            String incomplete = null;
            for (String path : paths) {
                var response = given().baseUri(gateway.url()).get(path);
                if (response.statusCode() != 200 || !response.jsonPath().getList("degraded").isEmpty()) {
                    incomplete = path + ": " + response.statusCode() + " " + response.asString();
                    break;
                }
            }
            complete = incomplete == null ? complete + 1 : 0;
            if (incomplete != null && Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("The gateway gave no complete answers within two minutes: " + incomplete);
            }
            if (incomplete != null) {
                Thread.sleep(500);
            }
        }
    }

    /** Compose's service names become this machine's addresses. */
    Map<String, String> localized(Map<String, String> environment) {
        Map<String, String> local = new HashMap<>();
        environment.forEach((key, value) -> local.put(key, value
                .replace("//postgres:5432/", "//localhost:" + database.port() + "/")
                .replace("//catalog-service:8081", "//localhost:" + catalog.port)
                .replace("//songs-service:8082", "//localhost:" + songs.port)));
        // The fault drills write from one client as fast as they can: per-client rate limits would only slow them.
        local.put("SETSUNAI_RATE_LIMIT_ENABLED", "false");
        return local;
    }

    @Override
    public void close() throws Exception {
        for (ServiceProcess service : new ServiceProcess[] {gateway, songs, catalog}) {
            service.close();
        }
        database.close();
    }

    /** Gives test classes the one system of the run, started on first use and closed when the run ends. */
    static final class Shared implements ParameterResolver {

        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
            return parameter.getParameter().getType() == SetsunaiSystem.class;
        }

        @Override
        public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
            // The root store closes what it holds (AutoCloseable) after the last test class of the run.
            return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                    .computeIfAbsent(SetsunaiSystem.class, type -> {
                        SetsunaiSystem system = null;
                        try {
                            system = new SetsunaiSystem();
                            system.start();
                            return system;
                        } catch (Exception e) {
                            if (system != null) {
                                try {
                                    system.close();
                                } catch (Exception suppressed) {
                                    e.addSuppressed(suppressed);
                                }
                            }
                            throw new IllegalStateException("The system did not start", e);
                        }
                    }, SetsunaiSystem.class);
        }
    }
}
