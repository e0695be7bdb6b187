package setsunai.e2e;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The real system: one PostgreSQL prepared by db/roles.sql, and the three packaged services started with the
 * environment docker-compose.yml gives them (only host names, ports and the gateway's deadlines differ). Started
 * once for all the test classes of a run (a {@code SetsunaiSystem} parameter of a {@code @BeforeAll} method),
 * stopped after the last.
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
    }

    /** Starts one service (again, after a stop) with its compose environment, on its port. */
    void startService(ServiceProcess service) throws Exception {
        Map<String, String> environment = localized(compose.of(service.name));
        if (service == gateway) {
            environment.putAll(GENEROUS_DEADLINES);
        }
        service.start(environment);
    }

    /**
     * The first requests to fresh JVMs (class loading, first queries) can take seconds on a busy 2-core machine,
     * past the gateway's production deadlines (600 ms read timeout, 800 ms per call): honest but degraded answers,
     * and enough of them open a breaker. These tests are about the wiring, not latency, so the gateway gets deadlines
     * that a service which answers at all never misses; ready (/q/health/ready) is then ready enough, with no
     * warm-up. A stopped service or database still fails at once (connection refused, the services' 503).
     */
    private static final Map<String, String> GENEROUS_DEADLINES = Map.of(
            "QUARKUS_REST_CLIENT_READ_TIMEOUT", "10000",
            "QUARKUS_FAULT_TOLERANCE_GLOBAL_TIMEOUT_VALUE", "15000");

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
