package setsunai.gateway.health;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.http.HttpServer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.jboss.logging.Logger;
import setsunai.gateway.config.GatewayConfig;

/**
 * The gateway is not ready until it has answered its own composite requests once. A fresh JVM's first recommendation
 * or title detail pays for class loading and the first compilations of the whole path (REST clients, JSON, ranking),
 * and on two busy cores that outlasted the 800 ms deadline: right after "ready" the first callers got 503s "did not
 * answer in time". So at start it asks itself, over HTTP on its own port, what a caller would (a mood, a title and a
 * song from that answer, a playlist), in rounds until one round is all 200 and not degraded, or until
 * {@code setsunai.gateway.warm-up.max-wait} has passed — then it is ready whatever the downstream services say, so an
 * outage of theirs makes fast 503s, not a gateway that never becomes ready.
 */
@Readiness
@ApplicationScoped
public class WarmUp implements HealthCheck {

    private static final Logger LOG = Logger.getLogger(WarmUp.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final GatewayConfig config;
    private final Instance<HttpServer> server;
    private final String host;
    private volatile boolean done;

    WarmUp(GatewayConfig config, Instance<HttpServer> server,
           @ConfigProperty(name = "quarkus.http.host", defaultValue = "0.0.0.0") String host) {
        this.config = config;
        this.server = server;
        // The server listens on every interface by default; loopback is then the one address sure to reach it.
        this.host = host.equals("0.0.0.0") || host.equals("::") ? "127.0.0.1" : host;
    }

    void onStart(@Observes StartupEvent event) {
        if (!config.warmUp().enabled()) {
            done = true;
            return;
        }
        Thread thread = new Thread(this::run, "gateway-warm-up");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("warm-up").status(done).build();
    }

    private void run() {
        long start = System.nanoTime();
        long giveUp = start + config.warmUp().maxWait().toNanos();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        int round = 0;
        boolean clean = false;
        long pauseMillis = 250;
        while (!clean && System.nanoTime() < giveUp) {
            round++;
            clean = round(http);
            if (!clean) {
                // Backing off keeps a long outage downstream to a few dozen requests: they count against the
                // loopback client's rate limit like anyone's.
                pauseMillis = Math.min(pauseMillis * 2, 5000);
                pause(pauseMillis);
            }
        }
        done = true;
        LOG.infof("warm-up %s after %d round(s) in %d ms; ready",
                clean ? "complete" : "stopped (downstream answers incomplete)", round, Duration.ofNanos(System.nanoTime() - start).toMillis());
    }

    /** One pass over a caller's typical requests; true when every answer was a 200 that names no degraded source. */
    private boolean round(HttpClient http) {
        String mood = config.moods().keySet().stream().sorted().findFirst().orElse("heartbroken");
        List<String> paths = new ArrayList<>(List.of("/api/moods", "/api/recommendations?mood=" + mood,
                "/api/playlists/" + mood));
        boolean clean = true;
        for (int i = 0; i < paths.size(); i++) {
            Optional<JsonNode> body = get(http, paths.get(i));
            clean &= body.isPresent() && !degraded(body.get());
            // The title and the song asked for next come from these answers, so they exist whatever the dataset is.
            body.map(b -> b.path("items").path(0).path("title").path("slug").asText(null))
                    .ifPresent(slug -> paths.add("/api/titles/" + slug));
            body.map(b -> b.path("songs").path(0).path("slug").asText(null))
                    .ifPresent(slug -> paths.add("/api/songs/" + slug));
        }
        return clean && paths.size() == 5;
    }

    private Optional<JsonNode> get(HttpClient http, String path) {
        try {
            // The port the server really listens on (a test's random port too), known once it has started.
            URI uri = URI.create("http://" + host + ":" + server.get().getPort() + path);
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri)
                    .timeout(Duration.ofSeconds(10)).header("Accept", "application/json").GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                LOG.debugf("warm-up %s: %d", path, response.statusCode());
                return Optional.empty();
            }
            return Optional.of(JSON.readTree(response.body()));
        } catch (IOException | RuntimeException e) {
            LOG.debugf("warm-up %s: %s", path, e.toString());
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private static boolean degraded(JsonNode body) {
        JsonNode degraded = body.path("degraded");
        return degraded.isArray() && !degraded.isEmpty();
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
