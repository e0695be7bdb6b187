package setsunai.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Sends NDJSON chunk files to an import endpoint (POST, application/x-ndjson, editor bearer token), a few at a time,
 * and sums the import reports. Prints one result line: {@code IMPORT name lines=.. created=.. ... seconds=..}.
 *
 * <pre>java -cp ... setsunai.bench.Import &lt;name&gt; &lt;url&gt; &lt;token-file&gt; &lt;chunk dir&gt; &lt;parallel&gt;</pre>
 */
public final class Import {

    private Import() {
    }

    public static void main(String[] args) throws Exception {
        String name = args[0];
        URI url = URI.create(args[1]);
        String token = Files.readString(Path.of(args[2])).trim();
        List<Path> chunks;
        try (Stream<Path> files = Files.list(Path.of(args[3]))) {
            chunks = files.filter(p -> p.toString().endsWith(".ndjson")).sorted().toList();
        }
        int parallel = Integer.parseInt(args[4]);
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        ObjectMapper json = new ObjectMapper();
        AtomicLong created = new AtomicLong();
        AtomicLong updated = new AtomicLong();
        AtomicLong unchanged = new AtomicLong();
        AtomicLong rejected = new AtomicLong();
        AtomicInteger non2xx = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        AtomicInteger shownErrors = new AtomicInteger();
        List<String> retries = new java.util.ArrayList<>();
        long started = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(parallel);
        List<Future<?>> futures = chunks.stream().<Future<?>>map(chunk -> pool.submit(() -> {
            HttpRequest request = HttpRequest.newBuilder(url).timeout(Duration.ofMinutes(5))
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/x-ndjson")
                    .POST(HttpRequest.BodyPublishers.ofFile(chunk)).build();
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                non2xx.incrementAndGet();
                System.err.printf("%s: %s answered %d: %s%n", name, chunk.getFileName(), response.statusCode(),
                        abbreviate(response.body()));
            } else {
                JsonNode report = json.readTree(response.body());
                created.addAndGet(report.path("created").asLong());
                updated.addAndGet(report.path("updated").asLong());
                unchanged.addAndGet(report.path("unchanged").asLong());
                List<String> lines = Files.readAllLines(chunk);
                for (JsonNode r : report.path("rejected")) {
                    String errors = r.path("errors").toString();
                    // A line that lost a race with a parallel import (e.g. two chunks creating the same new
                    // artist) says "retry": it is sent again once all chunks are in.
                    if (errors.contains("retry") || errors.contains("at the same time")) {
                        synchronized (retries) {
                            retries.add(lines.get(r.path("line").asInt() - 1));
                        }
                    } else {
                        rejected.incrementAndGet();
                        if (shownErrors.getAndIncrement() < 3) {
                            System.err.printf("%s: %s rejected %s%n", name, chunk.getFileName(), abbreviate(r.toString()));
                        }
                    }
                }
            }
            int n = done.incrementAndGet();
            if (n % Math.max(1, chunks.size() / 10) == 0 || n == chunks.size()) {
                double seconds = (System.nanoTime() - started) / 1e9;
                long lines = created.get() + updated.get() + unchanged.get() + rejected.get();
                System.err.printf(Locale.ROOT, "%s: %d/%d chunks, %d lines, %.0f lines/s%n", name, n, chunks.size(),
                        lines, lines / seconds);
            }
            return null;
        })).toList();
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();
        int retried = retries.size();
        if (!retries.isEmpty()) {
            // One request, nothing in parallel any more: these lines cannot race each other.
            HttpRequest request = HttpRequest.newBuilder(url).timeout(Duration.ofMinutes(5))
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/x-ndjson")
                    .POST(HttpRequest.BodyPublishers.ofString(String.join("\n", retries))).build();
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                non2xx.incrementAndGet();
                rejected.addAndGet(retries.size());
            } else {
                JsonNode report = json.readTree(response.body());
                created.addAndGet(report.path("created").asLong());
                updated.addAndGet(report.path("updated").asLong());
                unchanged.addAndGet(report.path("unchanged").asLong());
                rejected.addAndGet(report.path("rejected").size());
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        long lines = created.get() + updated.get() + unchanged.get() + rejected.get();
        System.out.printf(Locale.ROOT, "IMPORT %s chunks=%d lines=%d created=%d updated=%d unchanged=%d rejected=%d "
                        + "retried=%d non2xx=%d seconds=%.1f lines_per_s=%.0f%n", name, chunks.size(), lines, created.get(),
                updated.get(), unchanged.get(), rejected.get(), retried, non2xx.get(), seconds, lines / seconds);
    }

    static String abbreviate(String s) {
        return s.length() > 400 ? s.substring(0, 400) + "..." : s;
    }
}
