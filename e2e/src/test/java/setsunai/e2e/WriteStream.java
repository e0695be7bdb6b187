package setsunai.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import setsunai.testsupport.Tokens;

/**
 * Writers that each POST new records one after the other, as fast as the service answers, during a fault drill.
 * Remembers which records were acknowledged (201), and what else came back in each phase of the drill (counted
 * in the phase in which the answer arrived).
 */
final class WriteStream {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    final String name;
    private final String url;
    private final Function<String, String> body;
    private final int writers;
    private final String token = Tokens.editor();
    private final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    /** phase, then outcome (a status or an exception), then how many. */
    private final Map<String, Map<String, AtomicInteger>> outcomes = new ConcurrentHashMap<>();
    /** The first body of each outcome other than a 201, to show what went wrong. */
    private final Map<String, String> samples = new ConcurrentHashMap<>();
    private final List<String> phases = new ArrayList<>(List.of("before"));
    private final List<Thread> threads = new ArrayList<>();
    private volatile String phase = "before";
    private volatile boolean running;

    /** @param name also the slugs' prefix: fault-&lt;name&gt;-&lt;writer&gt;-&lt;n&gt; */
    WriteStream(String name, String url, Function<String, String> body, int writers) {
        this.name = name;
        this.url = url;
        this.body = body;
        this.writers = writers;
    }

    void start() {
        running = true;
        for (int writer = 0; writer < writers; writer++) {
            int id = writer;
            Thread thread = new Thread(() -> write(id), "write-" + name + "-" + id);
            thread.start();
            threads.add(thread);
        }
    }

    synchronized void phase(String next) {
        phases.add(next);
        phase = next;
    }

    void stop() throws InterruptedException {
        running = false;
        for (Thread thread : threads) {
            thread.join(Duration.ofSeconds(30).toMillis());
        }
    }

    private void write(int writer) {
        for (int n = 0; running; n++) {
            String slug = "fault-" + name + "-" + writer + "-" + n;
            HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(15))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body.apply(slug))).build();
            String outcome;
            try {
                HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
                outcome = Integer.toString(response.statusCode());
                if (response.statusCode() == 201) {
                    acknowledged.add(slug);
                } else {
                    samples.putIfAbsent(outcome, response.body());
                }
            } catch (IOException e) {
                outcome = e.getClass().getSimpleName();
                samples.putIfAbsent(outcome, String.valueOf(e.getMessage()));
            } catch (InterruptedException e) {
                return;
            }
            outcomes.computeIfAbsent(phase, p -> new ConcurrentHashMap<>())
                    .computeIfAbsent(outcome, o -> new AtomicInteger()).incrementAndGet();
            if (!outcome.equals("201")) {
                pause(); // a refused writer tries again soon, as a client honouring Retry-After would, only sooner
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    Set<String> acknowledged() {
        return Set.copyOf(acknowledged);
    }

    int acknowledgedSince(String phase) {
        return count(phase, "201");
    }

    int refusedSince(String phase) {
        return outcomes.getOrDefault(phase, Map.of()).entrySet().stream()
                .filter(e -> !e.getKey().equals("201")).mapToInt(e -> e.getValue().get()).sum();
    }

    private int count(String phase, String outcome) {
        AtomicInteger count = outcomes.getOrDefault(phase, Map.of()).get(outcome);
        return count == null ? 0 : count.get();
    }

    /** Every outcome over the whole drill, with how many. */
    Map<String, Integer> outcomes() {
        Map<String, Integer> all = new TreeMap<>();
        outcomes.values().forEach(byOutcome -> byOutcome.forEach((outcome, n) -> all.merge(outcome, n.get(), Integer::sum)));
        return all;
    }

    String report(Set<String> stored) {
        Set<String> present = new HashSet<>(acknowledged);
        present.retainAll(stored);
        Set<String> unacknowledged = new HashSet<>(stored);
        unacknowledged.removeAll(acknowledged);
        StringBuilder report = new StringBuilder().append(name).append(": ").append(acknowledged.size())
                .append(" acknowledged (201), ").append(present.size()).append(" of them present after recovery; ")
                .append(unacknowledged.size()).append(" stored without a 201 (answer cut by the kill); answers by phase:");
        for (String p : phases) {
            Map<String, Integer> counts = new TreeMap<>();
            outcomes.getOrDefault(p, Map.of()).forEach((outcome, n) -> counts.put(outcome, n.get()));
            report.append(' ').append(p).append(' ').append(counts);
        }
        samples.forEach((outcome, sample) -> report.append("\n    first ").append(outcome).append(": ")
                .append(sample.length() > 300 ? sample.substring(0, 300) + "…" : sample));
        return report.toString();
    }
}
