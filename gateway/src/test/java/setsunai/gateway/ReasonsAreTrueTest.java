package setsunai.gateway;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * Issue 14's quality bar: every recommendation's reasons are true of the item. For every mood the gateway defines
 * (GET /api/moods), over the whole curated dataset as the stubbed services' data, every reason sentence of every
 * ranked title is read here, by this test's own reading of the sentence (its {@link #FORMS}), and checked against that
 * title's data: its tags, ending, tearjerker and the songs used in it, and the mood's points. The ranking code is not
 * called. A sentence no form reads fails the test: a new kind of reason needs a form here (see {@link #FORMS}).
 * The points the reasons name must also add up to the item's score, so no term goes unexplained.
 */
@QuarkusTest
@WithTestResource(WireMockServices.class)
class ReasonsAreTrueTest extends GatewayTestBase {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final CuratedData DATA = CuratedData.load();

    /** What a sentence is checked against. */
    record Item(JsonNode answer, JsonNode title, List<JsonNode> songs, Map<String, JsonNode> moods,
                double tearjerkerWeight, double songBonus, Ranks ranks) {
    }

    /**
     * Where the title stands: its place in the answer's ranking (0-based, over all pages), its place with
     * {@code diversity=0} (the ranking by fit alone), and the titles (dataset entries) ranked above it.
     */
    record Ranks(int place, int placeByFit, List<JsonNode> above) {
    }

    /**
     * One form of reason sentence: how to read it and what must be true of the item for it to be true. {@code check}
     * throws an AssertionError naming what is false, and returns the points the sentence claims (0 for none) with the
     * mood they count for ({@code null}: every mood, like the tearjerker's).
     */
    interface Form {
        Pattern pattern();

        Claim check(Matcher sentence, Item item);
    }

    record Claim(String mood, double points) {
    }

    record SimpleForm(Pattern pattern, java.util.function.BiFunction<Matcher, Item, Claim> checker) implements Form {
        @Override
        public Claim check(Matcher sentence, Item item) {
            return checker.apply(sentence, item);
        }
    }

    /**
     * Every sentence form the gateway writes today, diversity's moves included (checked against the title's place with
     * and without diversity, its franchise and tags and those of the title it names). To add one, append a
     * {@link SimpleForm}: a pattern matching the whole sentence and a check reading the item's data (the test fails on
     * any sentence no form matches).
     */
    static final List<Form> FORMS = new ArrayList<>(List.of(
            new SimpleForm(Pattern.compile("^Its themes fit (?<mood>[a-z-]+): (?<tags>.+)\\.$"), ReasonsAreTrueTest::themes),
            new SimpleForm(Pattern.compile("^Its (?<ending>[a-z]+) ending fits (?<mood>[a-z-]+) \\(\\+(?<points>\\d+)\\)\\.$"),
                    ReasonsAreTrueTest::ending),
            new SimpleForm(Pattern.compile("^(?<hard>It hits hard: tearjerker|Tearjerker) (?<n>\\d+) of 10 \\(\\+(?<points>[0-9.]+)\\)\\.$"),
                    ReasonsAreTrueTest::tearjerker),
            new SimpleForm(Pattern.compile("^Songs in it fit (?<mood>[a-z-]+): (?<songs>.+?)(?: and (?<more>\\d+) more)? "
                    + "\\(\\+(?<points>[0-9.]+)\\)\\.$"), ReasonsAreTrueTest::songs),
            new SimpleForm(Pattern.compile("^Moved up for variety: it is less like the titles above it than those it passed\\.$"),
                    ReasonsAreTrueTest::movedUp),
            new SimpleForm(Pattern.compile("^Moved down for variety: same franchise as (?<other>.+), ranked above it\\.$"),
                    ReasonsAreTrueTest::sameFranchise),
            new SimpleForm(Pattern.compile("^Moved down for variety: it shares (?<most>most of its themes|themes) "
                    + "\\((?<k>\\d+) of (?<n>\\d+): (?<tags>[a-z0-9, -]+)\\) with (?<other>.+), ranked above it\\.$"),
                    ReasonsAreTrueTest::sharedThemes)));

    private static final Pattern TAG_POINTS = Pattern.compile("(?<tag>[a-z0-9]+(?:-[a-z0-9]+)*) \\(\\+(?<points>\\d+)\\)");
    private static final Pattern SONG = Pattern.compile("\u201c(?<title>[^\u201d]*)\u201d \\((?<moods>[A-Z]+(?:, [A-Z]+)*)\\)");

    @Test
    void everyReasonOfEveryMoodIsTrueOfItsTitle() throws Exception {
        stubJson(titlesApi(), DATA.titlesPage());
        stubJson(songsApi(), DATA.songsPage());
        Map<String, JsonNode> moods = new HashMap<>();
        JSON.readTree(given().get("/api/moods").then().statusCode(200).extract().asByteArray())
                .forEach(m -> moods.put(m.path("name").asText(), m));
        double tearWeight = ConfigProvider.getConfig().getValue("setsunai.gateway.ranking.tearjerker-weight", Double.class);
        double songBonus = ConfigProvider.getConfig().getValue("setsunai.gateway.ranking.song-bonus", Double.class);

        int sentences = 0;
        int items = 0;
        Set<String> formsSeen = new LinkedHashSet<>();
        for (String mood : moods.keySet().stream().sorted().toList()) {
            List<JsonNode> ranking = ranking(mood, null);
            List<String> byFit = ranking(mood, "0").stream().map(r -> r.at("/title/slug").asText()).toList();
            List<JsonNode> above = new ArrayList<>();
            for (JsonNode ranked : ranking) {
                String slug = ranked.at("/title/slug").asText();
                JsonNode title = DATA.titles.get(slug);
                assertTrue(title != null, mood + ": " + slug + " is no title of the data");
                Ranks ranks = new Ranks(above.size(), byFit.indexOf(slug), List.copyOf(above));
                Item item = new Item(ranked, title, DATA.songsOf(slug), moods, tearWeight, songBonus, ranks);
                sentences += checkReasons(mood, item, formsSeen);
                items++;
                above.add(title);
            }
        }
        // not vacuous: every mood ranked titles, and every form was met
        assertTrue(items >= moods.size() * 5, items + " items");
        assertEquals(FORMS.size(), formsSeen.size(), "forms met: " + formsSeen);
        System.out.printf("ReasonsAreTrueTest: %d reasons of %d ranked titles over %d moods, all true%n", sentences, items,
                moods.size());
    }

    /** The surprise's last reason, when it was drawn among several: what among, and the chance it had. */
    static final Pattern SURPRISE_DRAW = Pattern.compile("^Picked at random among the (?<n>\\d+) titles that fit "
            + "(?<mood>[a-z-]+) best \\(at least (?<share>half|\\d+% of) the best fit\\), weighted by fit: its chance "
            + "was (?<chance>[0-9.]+)%\\.$");

    /**
     * The surprise: its pick's reasons are those of a ranked title (checked by {@link #FORMS}, adding up to its score)
     * and a last one, that it was drawn at random among the N titles that fit the mood best (at least a share of the
     * best fit) with the chance it names. By this test's own reading of the data: a title's fit is its tag and ending
     * points and its tearjerker points, the titles drawn among are those of the mood's tags with at least the
     * configured share of the best title's fit, and the chance is its fit over theirs.
     */
    @Test
    void everySurprisesReasonsAreTrueAndItsChanceIsItsShareOfFit() throws Exception {
        stubJson(titlesApi(), DATA.titlesPage());
        stubJson(songsApi(), DATA.songsPage());
        Map<String, JsonNode> moods = new HashMap<>();
        JSON.readTree(given().get("/api/moods").then().statusCode(200).extract().asByteArray())
                .forEach(m -> moods.put(m.path("name").asText(), m));
        double tearWeight = ConfigProvider.getConfig().getValue("setsunai.gateway.ranking.tearjerker-weight", Double.class);
        double songBonus = ConfigProvider.getConfig().getValue("setsunai.gateway.ranking.song-bonus", Double.class);
        double share = ConfigProvider.getConfig().getValue("setsunai.gateway.surprise.min-fit-share", Double.class);
        Ranks unranked = new Ranks(0, 0, List.of());

        int picks = 0;
        for (String mood : moods.keySet().stream().sorted().toList()) {
            JsonNode def = moods.get(mood);
            Map<String, Double> fits = new HashMap<>();
            for (JsonNode title : DATA.titles.values()) {
                List<String> tags = CuratedData.texts(title.path("tags"));
                if (tags.stream().anyMatch(t -> def.path("tags").has(t))) {
                    double fit = def.path("endings").path(title.path("ending").asText()).asInt(0)
                            + tearWeight * title.path("tearjerker").asInt();
                    for (String tag : tags) {
                        fit += def.path("tags").path(tag).asInt(0);
                    }
                    fits.put(title.path("slug").asText(), fit);
                }
            }
            double best = fits.values().stream().mapToDouble(Double::doubleValue).max().orElseThrow();
            Map<String, Double> pool = new HashMap<>();
            fits.forEach((slug, fit) -> {
                if (fit >= share * best - 1e-9) {
                    pool.put(slug, fit);
                }
            });
            double poolFit = pool.values().stream().mapToDouble(Double::doubleValue).sum();
            for (long seed = 1; seed <= 20; seed++) {
                JsonNode body = JSON.readTree(given().get("/api/recommendations/surprise?mood=" + mood + "&seed=" + seed)
                        .then().statusCode(200).extract().asByteArray());
                assertEquals(0, body.path("degraded").size(), body.path("degraded").toString());
                String slug = body.at("/item/title/slug").asText();
                String where = mood + " / seed " + seed + " / " + slug;
                JsonNode reasons = body.at("/item/reasons");
                Matcher draw = SURPRISE_DRAW.matcher(reasons.get(reasons.size() - 1).asText());
                assertTrue(draw.matches(), where + ": the last reason is no draw: " + reasons.get(reasons.size() - 1));
                assertEquals(mood, draw.group("mood"), where);
                assertEquals(pool.size(), Integer.parseInt(draw.group("n")), where + ": how many it was drawn among");
                assertEquals(pool.size(), body.path("candidates").asInt(), where + ": candidates");
                assertEquals(share == 0.5 ? "half" : Math.round(share * 100) + "% of", draw.group("share"), where);
                assertTrue(pool.containsKey(slug), where + ": not among the titles that fit best");
                double chance = 100 * pool.get(slug) / poolFit;
                // shown with one decimal under 10%, whole above
                assertEquals(chance, Double.parseDouble(draw.group("chance")), chance < 9.95 ? 0.05 + 1e-9 : 0.5 + 1e-9,
                        where + ": its chance");

                // the other reasons are a ranked title's, and add up to its score (the draw claims no points)
                ArrayNode scored = JSON.createArrayNode();
                for (int i = 0; i < reasons.size() - 1; i++) {
                    scored.add(reasons.get(i));
                }
                ObjectNode item = ((ObjectNode) body.path("item").deepCopy()).set("reasons", scored);
                checkReasons(mood, new Item(item, DATA.titles.get(slug), DATA.songsOf(slug), moods, tearWeight,
                        songBonus, unranked), new LinkedHashSet<>());
                picks++;
            }
        }
        assertEquals(moods.size() * 20, picks);
    }

    /** Every ranked item of the mood, all pages, at the default diversity or the one given. */
    private static List<JsonNode> ranking(String mood, String diversity) throws java.io.IOException {
        List<JsonNode> items = new ArrayList<>();
        int pages = 1;
        for (int page = 1; page <= pages; page++) {
            var request = given().queryParam("mood", mood).queryParam("size", 100).queryParam("page", page);
            if (diversity != null) {
                request.queryParam("diversity", diversity);
            }
            JsonNode answer = JSON.readTree(request.get("/api/recommendations").then().statusCode(200).extract().asByteArray());
            assertEquals(0, answer.path("degraded").size(), answer.path("degraded").toString());
            pages = answer.path("totalPages").asInt();
            answer.path("items").forEach(items::add);
        }
        return items;
    }

    /** Checks every sentence of one item; their points must add up to its score. Returns how many were read. */
    static int checkReasons(String mood, Item item, Set<String> formsSeen) {
        String where = mood + " / " + item.title().path("slug").asText();
        JsonNode reasons = item.answer().path("reasons");
        assertTrue(reasons.size() > 0, where + ": no reasons");
        double points = 0;
        for (JsonNode reason : reasons) {
            String sentence = reason.asText();
            Claim claim = null;
            for (Form form : FORMS) {
                Matcher matcher = form.pattern().matcher(sentence);
                if (matcher.matches()) {
                    try {
                        claim = form.check(matcher, item);
                    } catch (AssertionError e) {
                        throw new AssertionError(where + ": false reason \"" + sentence + "\": " + e.getMessage(), e);
                    }
                    formsSeen.add(form.pattern().pattern());
                    break;
                }
            }
            if (claim == null) {
                throw new AssertionError(where + ": a reason no form of this test reads (add one to FORMS): \"" + sentence + "\"");
            }
            if (claim.mood() != null) {
                assertEquals(mood, claim.mood(), where + ": \"" + sentence + "\" names another mood");
            }
            points += claim.points();
        }
        assertEquals(item.answer().path("score").asDouble(), round(points), 1e-9,
                where + ": the reasons' points do not add up to the score");
        return reasons.size();
    }

    // ---- the forms' checks: each reads the title's data, not the gateway's code ----------------------------------------

    static Claim themes(Matcher m, Item item) {
        String mood = m.group("mood");
        JsonNode tagPoints = mood(item, mood).path("tags");
        List<String> tags = CuratedData.texts(item.title().path("tags"));
        List<String> named = new ArrayList<>();
        int points = 0;
        Matcher tag = TAG_POINTS.matcher(m.group("tags"));
        int end = 0;
        while (tag.find()) {
            assertEquals(end, tag.start(), "unreadable tag list: " + m.group("tags"));
            String name = tag.group("tag");
            int claimed = Integer.parseInt(tag.group("points"));
            assertTrue(tags.contains(name), "the title has no tag " + name + " (its tags: " + tags + ")");
            assertEquals(tagPoints.path(name).asInt(-1), claimed, "points of " + name + " for " + mood);
            named.add(name);
            points += claimed;
            end = tag.end() + (m.group("tags").startsWith(", ", tag.end()) ? 2 : 0);
        }
        assertEquals(m.group("tags").length(), end, "unreadable tag list: " + m.group("tags"));
        // and none left out: every tag of the mood the title has is named
        List<String> all = new ArrayList<>();
        tagPoints.fieldNames().forEachRemaining(t -> {
            if (tags.contains(t)) {
                all.add(t);
            }
        });
        assertEquals(new LinkedHashSet<>(all), new LinkedHashSet<>(named), "the mood's tags the title has");
        return new Claim(mood, points);
    }

    static Claim ending(Matcher m, Item item) {
        String ending = m.group("ending").toUpperCase(Locale.ROOT);
        assertEquals(item.title().path("ending").asText(), ending, "its ending");
        int points = Integer.parseInt(m.group("points"));
        assertEquals(mood(item, m.group("mood")).path("endings").path(ending).asInt(-1), points, "points of " + ending);
        assertTrue(points > 0, "an ending worth nothing is no reason");
        return new Claim(m.group("mood"), points);
    }

    static Claim tearjerker(Matcher m, Item item) {
        int n = Integer.parseInt(m.group("n"));
        assertEquals(item.title().path("tearjerker").asInt(), n, "its tearjerker");
        assertEquals(m.group("hard").startsWith("It hits hard"), n >= 8, "\"hits hard\" is said of 8 and more only");
        double points = Double.parseDouble(m.group("points"));
        assertEquals(round(item.tearjerkerWeight() * n), points, 1e-9, "tearjerker points");
        return new Claim(null, points);
    }

    static Claim songs(Matcher m, Item item) {
        String mood = m.group("mood");
        List<String> fitsMood = CuratedData.texts(mood(item, mood).path("songMoods"));
        List<JsonNode> fitting = item.songs().stream()
                .filter(s -> CuratedData.texts(s.path("moods")).stream().anyMatch(fitsMood::contains)).toList();
        Matcher song = SONG.matcher(m.group("songs"));
        int end = 0;
        int named = 0;
        while (song.find()) {
            assertEquals(end, song.start(), "unreadable song list: " + m.group("songs"));
            String title = song.group("title");
            List<String> moods = List.of(song.group("moods").split(", "));
            assertTrue(fitting.stream().anyMatch(s -> s.path("title").asText().equals(title)
                            && CuratedData.texts(s.path("moods")).equals(moods)),
                    "no song \u201c" + title + "\u201d " + moods + " fitting " + mood + " is used in the title");
            named++;
            end = song.end() + (m.group("songs").startsWith(", ", song.end()) ? 2 : 0);
        }
        assertEquals(m.group("songs").length(), end, "unreadable song list: " + m.group("songs"));
        int more = m.group("more") == null ? 0 : Integer.parseInt(m.group("more"));
        assertEquals(fitting.size(), named + more, "how many of its songs fit " + mood);
        double points = Double.parseDouble(m.group("points"));
        assertEquals(item.songBonus(), points, 1e-9, "the song bonus");
        return new Claim(mood, points);
    }

    static Claim movedUp(Matcher m, Item item) {
        assertTrue(item.ranks().place() < item.ranks().placeByFit(), "moved up: place " + item.ranks().place()
                + ", by fit alone " + item.ranks().placeByFit());
        return new Claim(null, 0);
    }

    static Claim sameFranchise(Matcher m, Item item) {
        assertTrue(item.ranks().place() > item.ranks().placeByFit(), "moved down: place " + item.ranks().place()
                + ", by fit alone " + item.ranks().placeByFit());
        JsonNode other = above(item, m.group("other"));
        String franchise = item.title().path("franchise").asText(null);
        assertTrue(franchise != null && franchise.equals(other.path("franchise").asText(null)),
                "franchise " + franchise + " vs " + other.path("franchise").asText(null));
        return new Claim(null, 0);
    }

    static Claim sharedThemes(Matcher m, Item item) {
        assertTrue(item.ranks().place() > item.ranks().placeByFit(), "moved down: place " + item.ranks().place()
                + ", by fit alone " + item.ranks().placeByFit());
        JsonNode other = above(item, m.group("other"));
        List<String> own = CuratedData.texts(item.title().path("tags"));
        List<String> theirs = CuratedData.texts(other.path("tags"));
        List<String> named = List.of(m.group("tags").split(", "));
        List<String> shared = own.stream().filter(theirs::contains).toList();
        assertEquals(new LinkedHashSet<>(shared), new LinkedHashSet<>(named), "the themes both have");
        assertEquals(shared.size(), Integer.parseInt(m.group("k")), "how many it shares");
        assertEquals(own.size(), Integer.parseInt(m.group("n")), "how many themes it has");
        assertEquals(2 * shared.size() > own.size(), m.group("most").startsWith("most"), "\"most\" is more than half");
        return new Claim(null, 0);
    }

    /** The title of that name ranked above the item. */
    private static JsonNode above(Item item, String name) {
        return item.ranks().above().stream().filter(t -> t.path("title").asText().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(name + " is not ranked above it"));
    }

    private static JsonNode mood(Item item, String name) {
        JsonNode mood = item.moods().get(name);
        assertTrue(mood != null, "no mood " + name);
        return mood;
    }

    private static double round(double points) {
        return Math.round(points * 10) / 10.0;
    }
}
