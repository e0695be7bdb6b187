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
 * <pre>java -cp ... setsunai.bench.Prepare &lt;catalog url&gt; &lt;gateway url&gt; &lt;slugs.txt&gt; &lt;out dir&gt; &lt;samples&gt;</pre>
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
