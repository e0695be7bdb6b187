package setsunai.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;

/**
 * Request lists for the gateway steps: the gateway requests, and the backend calls each of them makes, so the
 * backend calls can be measured directly at the same rate in the same run.
 *
 * <p>Title detail ({@code GET /api/titles/{slug}} on the gateway) makes, in parallel, catalog {@code /api/titles/{slug}},
 * songs {@code /api/songs?title={slug}&size=100} and catalog {@code /api/titles/{slug}/similar?size=6}; then one songs
 * batch for the similar titles. Recommendations ({@code ?mood=}) make one catalog search for the mood's candidates
 * ({@code anyTag=...&sort=-tearjerker&size=100}, cached by the gateway for 10 s) and one songs batch for the
 * 25 best candidates. The lists below reproduce these calls from the gateway's code (TitleDetailService,
 * RecommendationService, CatalogApi, SongsApi).
 *
 * <p>With a seventh argument (the gateway's feeling test data, {@code gateway/src/test/resources/feelings}), also the
 * variants of issue 14's parameters on the recommendation paths (see {@link #issue14}).
 *
 * <pre>java -cp ... setsunai.bench.Prepare &lt;catalog url&gt; &lt;gateway url&gt; &lt;slugs.txt&gt; &lt;out dir&gt; &lt;samples&gt;
 *   &lt;gateway application.properties&gt; [&lt;feelings dir&gt;]</pre>
 */
public final class Prepare {

    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static final ObjectMapper JSON = new ObjectMapper();

    private Prepare() {
    }

    public static void main(String[] args) throws Exception {
        String catalog = args[0];
        String gateway = args[1];
        List<String> slugs = Files.readAllLines(Path.of(args[2])).stream().filter(s -> !s.isBlank()).toList();
        Path out = Path.of(args[3]);
        int samples = Integer.parseInt(args[4]);
        Files.createDirectories(out);
        Random random = new Random(7);
        List<String> sample = new ArrayList<>();
        for (int i = 0; i < samples; i++) {
            sample.add(slugs.get(random.nextInt(slugs.size())));
        }
        List<String> gwDetail = new ArrayList<>();
        List<String> title = new ArrayList<>();
        List<String> songsOfTitle = new ArrayList<>();
        List<String> similar = new ArrayList<>();
        List<String> songsOfSimilar = new ArrayList<>();
        for (String slug : sample) {
            gwDetail.add("/api/titles/" + slug);
            title.add("/api/titles/" + slug);
            songsOfTitle.add("/api/songs?title=" + slug + "&size=100");
            similar.add("/api/titles/" + slug + "/similar?size=6");
            JsonNode page = get(catalog + "/api/titles/" + slug + "/similar?size=6");
            JsonNode items = page.isArray() ? page : page.path("items");
            StringBuilder batch = new StringBuilder("/api/songs?size=100");
            int n = 0;
            for (JsonNode item : items) {
                JsonNode t = item.path("title").isObject() ? item.path("title") : item;
                String other = t.path("slug").asText("");
                if (!other.isEmpty() && !other.equals(slug)) {
                    batch.append("&title=").append(other);
                    n++;
                }
            }
            if (n > 0) {
                songsOfSimilar.add(batch.toString());
            }
        }
        Files.write(out.resolve("gw-detail.txt"), gwDetail);
        Files.write(out.resolve("be-title.txt"), title);
        Files.write(out.resolve("be-songs-title.txt"), songsOfTitle);
        Files.write(out.resolve("be-similar.txt"), similar);
        Files.write(out.resolve("be-songs-similar.txt"), songsOfSimilar.isEmpty() ? songsOfTitle : songsOfSimilar);

        List<String> gwRecs = new ArrayList<>();
        List<String> candidates = new ArrayList<>();
        List<String> songsOfPool = new ArrayList<>();
        JsonNode moods;
        try {
            moods = get(gateway + "/api/moods");
        } catch (Exception e) {
            // No /api/moods (yet): the same definitions, from the gateway's configuration.
            System.err.println("GET /api/moods failed (" + e.getMessage().lines().findFirst().orElse("") + "); reading "
                    + args[5]);
            moods = moodsFromProperties(Path.of(args[5]));
        }
        for (JsonNode mood : moods) {
            String name = mood.path("name").asText();
            gwRecs.add("/api/recommendations?mood=" + name);
            TreeSet<String> tags = new TreeSet<>();
            JsonNode t = mood.path("tags");
            if (t.isObject()) {
                t.fieldNames().forEachRemaining(tags::add);
            } else {
                t.forEach(x -> tags.add(x.isTextual() ? x.asText() : x.path("tag").asText(x.path("slug").asText())));
            }
            StringBuilder search = new StringBuilder("/api/titles?");
            for (String tag : tags) {
                search.append("anyTag=").append(URLEncoder.encode(tag, StandardCharsets.UTF_8)).append('&');
            }
            search.append("sort=-tearjerker&size=100");
            candidates.add(search.toString());
            JsonNode found = get(catalog + search).path("items");
            StringBuilder batch = new StringBuilder("/api/songs?size=100");
            int n = 0;
            for (JsonNode item : found) {
                if (n++ == 25) {
                    break;
                }
                batch.append("&title=").append(item.path("slug").asText());
            }
            songsOfPool.add(batch.toString());
        }
        Collections.sort(gwRecs);
        Files.write(out.resolve("gw-recs.txt"), gwRecs);
        Files.write(out.resolve("be-candidates.txt"), candidates);
        Files.write(out.resolve("be-songs-pool.txt"), songsOfPool);
        System.out.printf("prepared %d detail samples (%d with similar titles) and %d moods%n", sample.size(),
                songsOfSimilar.size(), gwRecs.size());
        if (args.length > 6) {
            issue14(catalog, gateway, gwRecs, Path.of(args[6]), out);
        }
    }

    /** How many titles the exclude variant names by slug and by MAL id. */
    static final int EXCLUDE_SLUGS = 15;
    static final int EXCLUDE_MAL = 5;
    /** The longest slug the exclude variant names (generated slugs run to light-novel length). */
    static final int MAX_SLUG = 40;

    /**
     * Issue 14's parameters, on the same recommendation paths as gw-recs (one per mood): (a) {@code diversity=0},
     * the ranking by score as before issue 14 (the baseline); (b) the gw-recs paths as they are (the default
     * diversity); (c) (b) plus {@code exclude} of 20 titles the mood's own answer ranks first (15 slugs, then 5
     * {@code mal:} ids of the next ones, from the catalogue's {@code externalIds}), so the values really remove
     * ranked titles (titles with slugs over {@link #MAX_SLUG} characters are passed over, see there); (d) {@code feeling=} instead of {@code mood=}: per mood the first phrasing of the gateway's feeling
     * test data ({@code feelings/<mood>.txt}) that the gateway reads as that mood alone, so it ranks as that mood.
     * Every path is checked once against the gateway (200, no excluded title in the answer, nothing unmatched).
     */
    static void issue14(String catalog, String gateway, List<String> gwRecs, Path feelings, Path out) throws Exception {
        List<String> div0 = new ArrayList<>();
        List<String> exclude = new ArrayList<>();
        List<String> feeling = new ArrayList<>();
        List<String> phrases = new ArrayList<>();
        String example = "";
        for (String path : gwRecs) {
            String mood = path.substring(path.indexOf("mood=") + 5);
            div0.add(path + "&diversity=0");

            // The titles this mood's answer ranks first: the 15 best by slug, the next ones by MAL id.
            // Slugs of at most MAX_SLUG characters only (the next ranked title instead): the answer's Link header
            // repeats the query once per rel, and Hyperfoil reads no response header line over 4096 bytes.
            JsonNode ranked = get(gateway + path + "&size=100").path("items");
            List<String> slugs = new ArrayList<>();
            List<String> values = new ArrayList<>();
            for (JsonNode item : ranked) {
                String slug = item.path("title").path("slug").asText();
                if (slug.length() > MAX_SLUG) {
                    continue;
                }
                if (slugs.size() < EXCLUDE_SLUGS) {
                    slugs.add(slug);
                    values.add(slug);
                } else if (values.size() < EXCLUDE_SLUGS + EXCLUDE_MAL) {
                    JsonNode mal = get(catalog + "/api/titles/" + slug).path("externalIds").path("mal");
                    if (mal.canConvertToLong()) {
                        slugs.add(slug);
                        values.add("mal:" + mal.asLong());
                    }
                }
            }
            if (values.size() < EXCLUDE_SLUGS + EXCLUDE_MAL) {
                throw new IllegalStateException(mood + ": only " + values.size() + " titles to exclude (need "
                        + (EXCLUDE_SLUGS + EXCLUDE_MAL) + " ranked titles, the last " + EXCLUDE_MAL + " with a MAL id)");
            }
            StringBuilder e = new StringBuilder(path);
            for (String value : values) {
                e.append("&exclude=").append(URLEncoder.encode(value, StandardCharsets.UTF_8));
            }
            exclude.add(e.toString());
            HttpResponse<String> first = HTTP.send(HttpRequest.newBuilder(URI.create(gateway + e)).timeout(Duration.ofSeconds(30))
                    .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
            int link = first.headers().firstValue("Link").orElse("").length();
            if (first.statusCode() != 200 || link > 4000) {
                throw new IllegalStateException(e + " answered " + first.statusCode() + " with a Link header of " + link
                        + " characters (Hyperfoil reads at most 4096 a line)");
            }
            JsonNode answer = get(gateway + e + "&size=100");
            for (JsonNode item : answer.path("items")) {
                if (slugs.contains(item.path("title").path("slug").asText())) {
                    throw new IllegalStateException(e + " still ranks " + item.path("title").path("slug").asText());
                }
            }
            if (answer.path("excludeUnmatched").size() > 0) {
                throw new IllegalStateException(e + ": excludeUnmatched " + answer.path("excludeUnmatched"));
            }
            if (example.isEmpty()) {
                example = e.toString();
            }

            // A phrasing of the test data that the gateway reads as this mood and no other.
            Path file = feelings.resolve(mood + ".txt");
            String chosen = null;
            for (String line : Files.readAllLines(file)) {
                String text = line.strip();
                if (text.isEmpty() || text.startsWith("#")) {
                    continue;
                }
                String candidate = path.replace("mood=" + mood, "feeling=" + URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20"));
                JsonNode read = get(gateway + candidate).path("interpretation").path("moods");
                if (read.size() == 1 && mood.equals(read.get(0).path("name").asText())) {
                    chosen = candidate;
                    phrases.add(mood + ": \"" + text + "\"");
                    break;
                }
            }
            if (chosen == null) {
                throw new IllegalStateException("no phrasing in " + file + " reads as " + mood + " alone");
            }
            feeling.add(chosen);
        }
        Files.write(out.resolve("gw14-div0.txt"), div0);
        Files.write(out.resolve("gw14-default.txt"), gwRecs);
        Files.write(out.resolve("gw14-exclude.txt"), exclude);
        Files.write(out.resolve("gw14-feeling.txt"), feeling);
        // What the variants sent, for the report (appended to the results file by run.sh).
        Files.write(out.resolve("gw14.properties"), List.of(
                "gw14.exclude=" + EXCLUDE_SLUGS + " slugs + " + EXCLUDE_MAL + " mal: ids of the titles the mood's own answer ranks"
                        + " first (slugs of at most " + MAX_SLUG + " characters, so the answer's Link header stays under the"
                        + " 4096-byte header line Hyperfoil reads)",
                "gw14.exclude_example=" + example,
                "gw14.feelings=" + String.join("; ", phrases)));
        System.out.printf("prepared issue 14's variants for %d moods: diversity=0, default, exclude (%d values), feeling%n",
                gwRecs.size(), EXCLUDE_SLUGS + EXCLUDE_MAL);
    }

    static JsonNode moodsFromProperties(Path file) throws Exception {
        java.util.Properties p = new java.util.Properties();
        try (var in = Files.newBufferedReader(file)) {
            p.load(in);
        }
        java.util.TreeMap<String, com.fasterxml.jackson.databind.node.ObjectNode> byName = new java.util.TreeMap<>();
        for (String key : p.stringPropertyNames()) {
            var m = java.util.regex.Pattern.compile("setsunai\\.gateway\\.moods\\.([^.]+)\\.tags\\.(.+)").matcher(key);
            if (m.matches()) {
                var mood = byName.computeIfAbsent(m.group(1), n -> JSON.createObjectNode().put("name", n));
                mood.with("tags").put(m.group(2), Integer.parseInt(p.getProperty(key).trim()));
            }
        }
        var array = JSON.createArrayNode();
        byName.values().forEach(array::add);
        return array;
    }

    static JsonNode get(String url) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }
}
