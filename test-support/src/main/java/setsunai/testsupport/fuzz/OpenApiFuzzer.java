package setsunai.testsupport.fuzz;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.jboss.logging.Logger;
import setsunai.testsupport.RawHttp;
import setsunai.testsupport.Tokens;
import setsunai.testsupport.fuzz.ResponseChecks.Finding;

/**
 * Fuzzes a running service from its own OpenAPI document: every operation, odd values in every parameter and body,
 * forged tokens on every write, broken requests at the HTTP layer. Asserts no 5xx, problem+json for every error,
 * nothing internal in any body, and nothing stored (the service's tables are compared before and after).
 *
 * <p>System properties: {@code setsunai.fuzz.requests} (default 2000 per service), {@code setsunai.fuzz.seed}
 * (a number, or {@code random}; the seed is logged so a failure replays), {@code setsunai.fuzz.report-only}
 * (log the findings, do not fail), {@code setsunai.fuzz.timeout-ms} (per request, default 10000).
 */
public final class OpenApiFuzzer {

    private static final Logger LOG = Logger.getLogger(OpenApiFuzzer.class);
    /** The seed every CI run uses, so CI is repeatable; a long run may pass another or {@code random}. */
    public static final long DEFAULT_SEED = 20261202L;
    private static final int SHOWN = 30;
    private static final String OWN_SLUG = "fuzz-own";

    private final String service;
    private final URI base;
    private int requests = Integer.getInteger("setsunai.fuzz.requests", 2000);
    private Supplier<Map<String, String>> snapshot;

    private OpenApiFuzzer(String service, URI base) {
        this.service = service;
        this.base = base;
    }

    /** @param base the service's root URL, e.g. from {@code @TestHTTPResource("/")} */
    public static OpenApiFuzzer of(String service, URI base) {
        return new OpenApiFuzzer(service, base);
    }

    /** Compare the tables of {@code schema} before and after the run: the run must store nothing. */
    public OpenApiFuzzer database(DataSource dataSource, String schema) {
        this.snapshot = () -> TableSnapshot.of(dataSource, schema);
        return this;
    }

    public OpenApiFuzzer requests(int requests) {
        this.requests = requests;
        return this;
    }

    /** Sends the requests and fails (unless report-only) with the distinct findings, grouped by kind. */
    public Result run() {
        long seed = seed();
        int timeout = Integer.getInteger("setsunai.fuzz.timeout-ms", 10_000);
        RawHttp http = new RawHttp(base.getHost(), base.getPort(), timeout);
        String authority = base.getHost() + ":" + base.getPort();
        OpenApiSpec spec = new OpenApiSpec(fetchSpec(http, authority));
        if (spec.operations.isEmpty()) {
            throw new IllegalStateException(service + ": the OpenAPI document has no operations");
        }
        LOG.infof("fuzz %s: %d requests over %d operations, seed %d (-Dsetsunai.fuzz.seed=%d replays this run)", service, requests,
                spec.operations.size(), seed, seed, seed);
        String own = createOwnResource(http, authority, spec, seed);
        Map<String, String> before = snapshot == null ? null : snapshot.get();
        RequestFactory factory = new RequestFactory(spec, new OddValues(new Random(seed)), own == null ? null : OWN_SLUG);

        Map<String, List<Finding>> distinct = new LinkedHashMap<>();
        Map<String, Integer> statuses = new TreeMap<>();
        List<String> created = new ArrayList<>();
        long started = System.nanoTime();
        for (int i = 0; i < requests; i++) {
            FuzzRequest request = factory.next(i);
            RawHttp.Response response = http.send(request.toBytes(authority));
            statuses.merge(response.status() < 0 ? "none" : String.valueOf(response.status()), 1, Integer::sum);
            if (ResponseChecks.decoderRefusal(request, response)) {
                // counted apart, so the summary shows how many errors were Vert.x's own empty ones
                statuses.merge("unparsable-empty", 1, Integer::sum);
            }
            if (response.status() == 201 && response.header("location") != null) {
                created.add(response.header("location"));
            }
            for (Finding finding : ResponseChecks.check(request, response)) {
                distinct.computeIfAbsent(finding.key(), k -> new ArrayList<>()).add(finding);
            }
        }
        long seconds = (System.nanoTime() - started) / 1_000_000_000;
        if (before != null) {
            Map<String, String> after = snapshot.get();
            for (String table : after.keySet()) {
                if (!after.get(table).equals(before.get(table))) {
                    Finding finding = new Finding("stored data changed", 0, "table " + table, "the whole run",
                            "before " + before.get(table) + ", after " + after.get(table));
                    distinct.computeIfAbsent(finding.key(), k -> new ArrayList<>()).add(finding);
                }
            }
        }
        if (own != null) {
            created.add(own);
        }
        cleanUp(http, authority, created, before != null && distinct.keySet().stream().anyMatch(k -> k.startsWith("stored data changed"))
                ? spec : null, factory.slugsUsed());
        Result result = new Result(service, requests, seed, seconds, statuses, distinct);
        LOG.info(result.summary());
        writeReport(result);
        return result;
    }

    /**
     * Creates the one resource the run's writes aim at (POST of the collection that also has a DELETE), before the
     * snapshot, so that a write let through by mistake changes only it. Returns its Location, or null.
     */
    private String createOwnResource(RawHttp http, String authority, OpenApiSpec spec, long seed) {
        for (OpenApiSpec.Operation post : spec.operations) {
            boolean deletable = spec.operations.stream().anyMatch(o -> o.method().equals("DELETE") && o.path().startsWith(post.path() + "/{"));
            if (!post.method().equals("POST") || !post.secured() || post.body() == null || post.isImport() || !deletable) {
                continue;
            }
            var body = new BodyMutations(new OddValues(new Random(seed))).valid(post.body().schema(), null);
            if (body instanceof com.fasterxml.jackson.databind.node.ObjectNode object) {
                object.put("slug", OWN_SLUG);
            }
            FuzzRequest request = new FuzzRequest("POST", "setup", FuzzRequest.Kind.READ, "setup");
            request.target = post.path().getBytes(StandardCharsets.US_ASCII);
            request.header("Authorization", "Bearer " + Tokens.editor());
            request.header("Content-Type", post.body().mediaTypes().get(0));
            request.body = BodyMutations.bytes(body);
            RawHttp.Response response = http.send(request.toBytes(authority));
            if (response.status() == 201 && response.header("location") != null) {
                return response.header("location");
            }
            LOG.warnf("fuzz %s: could not create %s (%d %s): writes aim at the documented examples", service, OWN_SLUG,
                    response.status(), Repro.excerpt(response.body(), 300));
        }
        return null;
    }

    /** Every distinct finding in target/fuzz-SERVICE.txt (the test's message shows a few of each kind). */
    private void writeReport(Result result) {
        try {
            java.nio.file.Path file = java.nio.file.Path.of("target", "fuzz-" + service + ".txt");
            java.nio.file.Files.createDirectories(file.getParent());
            java.nio.file.Files.writeString(file, result.fullReport());
            LOG.infof("fuzz %s: every finding in %s", service, file.toAbsolutePath());
        } catch (java.io.IOException e) {
            LOG.warnf("fuzz %s: could not write the report: %s", service, e.getMessage());
        }
    }

    private String fetchSpec(RawHttp http, String authority) {
        FuzzRequest request = new FuzzRequest("GET", "spec", FuzzRequest.Kind.READ, "spec");
        request.target = "/q/openapi?format=json".getBytes(StandardCharsets.US_ASCII);
        request.header("Accept", "application/json");
        RawHttp.Response response = http.send(request.toBytes(authority));
        if (response.status() != 200) {
            throw new IllegalStateException(service + ": GET /q/openapi?format=json answered " + response.status() + " " + response.failure());
        }
        return response.bodyText();
    }

    /**
     * Deletes what writes that should have failed created (their Locations, and when the tables changed every fresh
     * fuzz-N slug under each collection with a DELETE), so one finding does not spoil the module's other tests.
     */
    private void cleanUp(RawHttp http, String authority, List<String> locations, OpenApiSpec spec, int slugs) {
        List<String> paths = new ArrayList<>();
        locations.forEach(location -> paths.add(URI.create(location).getRawPath()));
        if (spec != null) {
            for (OpenApiSpec.Operation operation : spec.operations) {
                if (operation.method().equals("DELETE") && operation.path().matches(".*/\\{[^}]+}")) {
                    for (int i = 1; i <= slugs; i++) {
                        paths.add(operation.path().replaceAll("\\{[^}]+}$", "fuzz-" + i));
                    }
                }
            }
        }
        String editor = "Bearer " + Tokens.editor();
        for (String path : paths) {
            FuzzRequest delete = new FuzzRequest("DELETE", "cleanup", FuzzRequest.Kind.READ, "cleanup");
            delete.target = path.getBytes(StandardCharsets.US_ASCII);
            delete.header("Authorization", editor);
            http.send(delete.toBytes(authority));
        }
    }

    private static long seed() {
        String value = System.getProperty("setsunai.fuzz.seed", "");
        if (value.isBlank()) {
            return DEFAULT_SEED;
        }
        return value.equals("random") ? new Random().nextLong() : Long.parseLong(value);
    }

    /** What a run found. */
    public static final class Result {

        private final String service;
        private final int requests;
        private final long seed;
        private final long seconds;
        private final Map<String, Integer> statuses;
        private final Map<String, List<Finding>> distinct;

        Result(String service, int requests, long seed, long seconds, Map<String, Integer> statuses, Map<String, List<Finding>> distinct) {
            this.service = service;
            this.requests = requests;
            this.seed = seed;
            this.seconds = seconds;
            this.statuses = statuses;
            this.distinct = distinct;
        }

        /** Adds a finding from a check the test makes after the run (e.g. a good request still answers well). */
        public Result finding(String kind, String operation, String repro, String detail) {
            Finding finding = new Finding(kind, 0, operation, repro, detail);
            distinct.computeIfAbsent(finding.key(), k -> new ArrayList<>()).add(finding);
            return this;
        }

        public int findings() {
            return distinct.size();
        }

        public String summary() {
            return "fuzz " + service + ": " + requests + " requests, " + distinct.size() + " findings (seed " + seed + ", " + seconds
                    + " s, statuses " + statuses + ")";
        }

        /** The distinct findings grouped by kind, about {@value #SHOWN} in all (a few of each kind), each with a short repro. */
        public String report() {
            return report(Math.max(2, SHOWN / Math.max(1, kinds().size())));
        }

        /** Every distinct finding, for the file a run leaves in target/. */
        public String fullReport() {
            return report(Integer.MAX_VALUE);
        }

        private Map<String, List<List<Finding>>> kinds() {
            Map<String, List<List<Finding>>> byKind = new TreeMap<>();
            distinct.values().forEach(same -> byKind.computeIfAbsent(same.get(0).kind(), k -> new ArrayList<>()).add(same));
            return byKind;
        }

        private String report(int perKind) {
            StringBuilder out = new StringBuilder(summary()).append('\n');
            for (var kind : kinds().entrySet()) {
                out.append("== ").append(kind.getKey()).append(" (").append(kind.getValue().size()).append(" distinct)\n");
                int shown = 0;
                for (List<Finding> same : kind.getValue()) {
                    if (shown++ >= perKind) {
                        out.append("  … and ").append(kind.getValue().size() - perKind).append(" more of this kind\n");
                        break;
                    }
                    Finding first = same.get(0);
                    out.append("  - ").append(first.status() > 0 ? first.status() + " " : "").append(first.operation())
                            .append(" ×").append(same.size()).append('\n')
                            .append("      ").append(first.repro()).append('\n')
                            .append("      → ").append(first.detail()).append('\n');
                }
            }
            return out.toString();
        }

        /** Fails with the report when anything was found, unless {@code -Dsetsunai.fuzz.report-only=true}. */
        public void assertNoFindings() {
            if (distinct.isEmpty()) {
                return;
            }
            if (Boolean.getBoolean("setsunai.fuzz.report-only")) {
                LOG.warn(report());
                return;
            }
            throw new AssertionError(report());
        }
    }
}
