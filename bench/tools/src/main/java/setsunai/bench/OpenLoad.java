package setsunai.bench;

import io.hyperfoil.api.config.Benchmark;
import io.hyperfoil.api.config.BenchmarkData;
import io.hyperfoil.api.statistics.StatisticsSnapshot;
import io.hyperfoil.core.impl.LocalSimulationRunner;
import io.hyperfoil.core.parser.BenchmarkParser;
import io.hyperfoil.http.statistics.HttpStats;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Open-model load (fixed arrival rate): Hyperfoil 0.25.2's engine run in this JVM (LocalSimulationRunner), one
 * {@code constantRate} phase per request kind. Each second, {@code rate} new sessions start on schedule whether or
 * not earlier responses came back, so a slow server cannot slow the load down and hide its own latency (no
 * coordinated omission); latencies land in Hyperfoil's HdrHistograms. Paths are drawn at random from a file.
 *
 * <pre>java -cp ... setsunai.bench.OpenLoad &lt;results file&gt; &lt;label&gt; &lt;seconds&gt; &lt;spec&gt;...
 *   spec = name|host:port|rate|paths-file|group   (groups run one after the other; phases of one group together)</pre>
 *
 * Appends {@code open.<label>.<name>.<stat>=<value>} lines to the results file and prints them; with
 * {@code BENCH_REP=n} in the environment each key gets the suffix {@code .rn} (one repetition of a step, Report takes
 * the median). With {@code BENCH_DB_URL} (a superuser JDBC URL) and a single spec, it also reads pg_stat_statements
 * right before and right after the load and writes the difference — the database time of the statements this load
 * issued, per request — as {@code db_ms_per_req}, {@code db_calls_per_req} and one {@code db_<role>_ms_per_req} per
 * service role, and the statements themselves to {@code db-<label>-<name>[.rn].tsv} next to the results file.
 */
public final class OpenLoad {

    record Spec(String name, String authority, double rate, List<String> paths, int group) {
    }

    private OpenLoad() {
    }

    public static void main(String[] args) throws Exception {
        Path results = Path.of(args[0]);
        String label = args[1];
        int seconds = Integer.parseInt(args[2]);
        List<Spec> specs = new ArrayList<>();
        for (int i = 3; i < args.length; i++) {
            String[] p = args[i].split("\\|");
            List<String> paths = Files.readAllLines(Path.of(p[3])).stream().filter(l -> !l.isBlank()).toList();
            if (paths.size() > 1000) {
                List<String> shuffled = new ArrayList<>(paths);
                java.util.Collections.shuffle(shuffled, new Random(42));
                paths = shuffled.subList(0, 1000);
            }
            specs.add(new Spec(p[0], p[1], Double.parseDouble(p[2]), paths, p.length > 4 ? Integer.parseInt(p[4]) : 0));
        }
        String yaml = yaml(label, seconds, specs);
        Files.writeString(results.resolveSibling("hyperfoil-" + label + "-" + specs.get(0).name + ".hf.yaml"), yaml);
        Benchmark benchmark = BenchmarkParser.instance().buildBenchmark(
                new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), BenchmarkData.EMPTY, Map.of());
        String db = System.getenv("BENCH_DB_URL");
        Map<String, Statements.Row> before = db != null && specs.size() == 1 ? Statements.snapshot(db) : null;
        Map<String, StatisticsSnapshot> totals = new LinkedHashMap<>();
        LocalSimulationRunner runner = new LocalSimulationRunner(benchmark,
                (phase, stepId, metric, snapshot, countDown) -> {
                    synchronized (totals) {
                        totals.computeIfAbsent(metric, m -> new StatisticsSnapshot()).add(snapshot);
                    }
                }, null, null);
        runner.run();
        Map<String, Statements.Row> after = before != null ? Statements.snapshot(db) : null;
        String rep = System.getenv().getOrDefault("BENCH_REP", "");
        String suffix = rep.isBlank() ? "" : ".r" + rep;
        List<String> lines = new ArrayList<>();
        for (Spec spec : specs) {
            StatisticsSnapshot s = totals.get(spec.name);
            String key = "open." + label + "." + spec.name + ".";
            if (s == null) {
                lines.add(key + "missing=1");
                continue;
            }
            HttpStats http = HttpStats.get(s);
            long non2xx = http.status_3xx + http.status_4xx + http.status_5xx + http.status_other;
            var h = s.histogram;
            lines.add(key + "rate=" + fmt(spec.rate));
            lines.add(key + "requests=" + s.requestCount);
            lines.add(key + "responses=" + s.responseCount);
            lines.add(key + "rps=" + fmt(s.responseCount / (double) seconds));
            lines.add(key + "p50_ms=" + ms(h.getValueAtPercentile(50)));
            lines.add(key + "p90_ms=" + ms(h.getValueAtPercentile(90)));
            lines.add(key + "p95_ms=" + ms(h.getValueAtPercentile(95)));
            lines.add(key + "p99_ms=" + ms(h.getValueAtPercentile(99)));
            lines.add(key + "max_ms=" + ms(h.getMaxValue()));
            lines.add(key + "mean_ms=" + ms((long) h.getMean()));
            lines.add(key + "status_2xx=" + http.status_2xx);
            lines.add(key + "non2xx=" + non2xx);
            lines.add(key + "errors=" + (s.connectionErrors + s.requestTimeouts + s.internalErrors + s.invalid));
            lines.add(key + "blocked_ms=" + ms(s.blockedTime));
            lines.add(key + "cache_hits=" + http.cacheHits);
            if (after != null) {
                List<Statements.Row> issued = Statements.diff(before, after);
                long requests = Math.max(1, s.responseCount);
                double ms = issued.stream().mapToDouble(Statements.Row::ms).sum();
                long calls = issued.stream().mapToLong(Statements.Row::calls).sum();
                lines.add(key + "db_ms_per_req=" + String.format(Locale.ROOT, "%.3f", ms / requests));
                lines.add(key + "db_calls_per_req=" + String.format(Locale.ROOT, "%.2f", calls / (double) requests));
                issued.stream().map(Statements.Row::role).distinct().sorted().forEach(role -> lines.add(key + "db_" + role
                        + "_ms_per_req=" + String.format(Locale.ROOT, "%.3f", issued.stream().filter(r -> r.role().equals(role))
                        .mapToDouble(Statements.Row::ms).sum() / requests)));
                Statements.write(results.resolveSibling("db-" + label + "-" + spec.name + suffix + ".tsv"), issued, requests);
            }
        }
        if (!suffix.isEmpty()) {
            lines.replaceAll(l -> l.replaceFirst("=", suffix + "="));
        }
        Files.write(results, lines, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        lines.forEach(System.out::println);
    }

    static String yaml(String label, int seconds, List<Spec> specs) {
        StringBuilder y = new StringBuilder();
        y.append("name: ").append(label).append('\n');
        y.append("threads: 1\n");
        y.append("http:\n");
        Set<String> authorities = new LinkedHashSet<>();
        specs.forEach(s -> authorities.add(s.authority));
        for (String authority : authorities) {
            y.append("- host: http://").append(authority).append('\n');
            y.append("  sharedConnections: 80\n");
            y.append("  requestTimeout: 10s\n");
        }
        y.append("phases:\n");
        for (Spec s : specs) {
            y.append("- ").append(s.name).append(":\n");
            y.append("    constantRate:\n");
            y.append("      usersPerSec: ").append(fmt(s.rate)).append('\n');
            y.append("      maxSessions: ").append(Math.max(200, (int) (s.rate * 4))).append('\n');
            y.append("      duration: ").append(seconds).append("s\n");
            List<String> previous = specs.stream().filter(o -> o.group == s.group - 1).map(Spec::name).toList();
            if (!previous.isEmpty()) {
                y.append("      startAfter:\n");
                previous.forEach(p -> y.append("      - ").append(p).append('\n'));
            }
            y.append("      scenario:\n");
            y.append("      - request:\n");
            y.append("        - randomItem:\n");
            y.append("            toVar: path\n");
            y.append("            list:\n");
            for (String path : s.paths) {
                y.append("            - \"").append(path.replace("\\", "\\\\").replace("\"", "\\\"")).append("\"\n");
            }
            y.append("        - httpRequest:\n");
            y.append("            authority: ").append(s.authority).append('\n');
            y.append("            GET:\n");
            y.append("              pattern: ${path}\n");
            // Never answer from Hyperfoil's HTTP cache: the services send Cache-Control max-age.
            y.append("            headers:\n");
            y.append("              cache-control: no-cache\n");
            y.append("            metric: ").append(s.name).append('\n');
        }
        return y.toString();
    }

    static String ms(long nanos) {
        return String.format(Locale.ROOT, "%.2f", nanos / 1e6);
    }

    static String fmt(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    static void write(Path file, String text) throws IOException {
        Files.writeString(file, text);
    }
}
