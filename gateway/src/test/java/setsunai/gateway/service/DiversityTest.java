package setsunai.gateway.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import setsunai.gateway.api.Recommendations;
import setsunai.gateway.api.TitleSummary;
import setsunai.gateway.client.CatalogTitle;

/** The MMR re-rank on its own: λ = 0 is the ranking as it was, a moved title says why, and what it says is true. */
class DiversityTest {

    /** Grieving's real top of the 56-title dataset, with the anohana series and film sharing a franchise. */
    static final List<CatalogTitle> TITLES = List.of(
            title("grave-of-the-fireflies", null, "war", "death", "family", "grief", "historical", "ghosts"),
            title("anohana-the-movie", "anohana", "ghosts", "grief", "death", "friendship", "letters", "afterlife"),
            title("anohana-the-flower-we-saw-that-day", "anohana", "ghosts", "grief", "death", "friendship",
                    "drifting-apart", "unrequited-love", "coming-of-age"),
            title("the-wind-rises", null, "war", "terminal-illness", "historical", "death", "grief"),
            title("looking-up-at-the-half-moon", null, "terminal-illness", "first-love", "grief", "death"),
            title("toradora", null, "school", "love-triangle"));
    static final double[] SCORES = {15.0, 14.4, 14.0, 13.9, 13.1, 6.0};

    static List<Recommendations.Item> ranked() {
        List<Recommendations.Item> items = new ArrayList<>();
        for (int i = 0; i < TITLES.size(); i++) {
            items.add(new Recommendations.Item(TitleSummary.of(TITLES.get(i)), SCORES[i], List.of("Scored."), List.of()));
        }
        return items;
    }

    static Map<String, CatalogTitle> bySlug() {
        Map<String, CatalogTitle> map = new LinkedHashMap<>();
        TITLES.forEach(t -> map.put(t.slug(), t));
        return map;
    }

    @Test
    void zeroIsTheRankingAsItWas() {
        List<Recommendations.Item> ranked = ranked();
        assertSame(ranked, Diversity.rerank(ranked, bySlug(), 0, ranked.size()));
    }

    @Test
    void theSecondTitleOfAFranchiseMovesDownAndSaysWhy() {
        List<Recommendations.Item> out = Diversity.rerank(ranked(), bySlug(), Diversity.DEFAULT, Integer.MAX_VALUE);

        List<String> slugs = out.stream().map(i -> i.title().slug()).toList();
        assertEquals(List.of("grave-of-the-fireflies", "anohana-the-movie", "looking-up-at-the-half-moon",
                "the-wind-rises", "anohana-the-flower-we-saw-that-day", "toradora"), slugs);
        Recommendations.Item series = out.get(4);
        assertEquals("Moved down for variety: same franchise as anohana-the-movie, ranked above it.",
                series.reasons().get(series.reasons().size() - 1));
        // the score is not changed, only the place
        assertEquals(14.0, series.score());
        // a title that kept its place gets no extra reason
        assertEquals(List.of("Scored."), out.get(0).reasons());
        assertEquals(List.of("Scored."), out.get(1).reasons());
    }

    @Test
    void everyMoveReasonIsTrueOfTheTitle() {
        for (double lambda : new double[] {0.1, 0.3, 0.5, 0.8, 1}) {
            List<Recommendations.Item> before = ranked();
            List<Recommendations.Item> out = Diversity.rerank(before, bySlug(), lambda, before.size());
            assertEquals(new HashSet<>(before.stream().map(i -> i.title().slug()).toList()),
                    new HashSet<>(out.stream().map(i -> i.title().slug()).toList()), "nothing lost or added");
            for (int place = 0; place < out.size(); place++) {
                Recommendations.Item item = out.get(place);
                int was = indexOf(before, item.title().slug());
                String last = item.reasons().get(item.reasons().size() - 1);
                if (place == was) {
                    assertEquals(List.of("Scored."), item.reasons());
                } else if (place < was) {
                    assertTrue(last.startsWith("Moved up for variety"), last);
                } else {
                    assertMovedDownTruly(out, place, last);
                }
            }
        }
    }

    /** What lets a page re-rank only up to its own last place: the first places are those of the whole re-rank. */
    @Test
    void theFirstPlacesAreThoseOfTheWholeRerank() {
        for (double lambda : new double[] {0.1, 0.3, 0.5, 0.8, 1}) {
            List<Recommendations.Item> before = ranked();
            List<Recommendations.Item> whole = Diversity.rerank(before, bySlug(), lambda, before.size());
            for (int places = 1; places <= before.size(); places++) {
                assertEquals(whole.subList(0, places), Diversity.rerank(before, bySlug(), lambda, places),
                        "λ " + lambda + ", " + places + " places");
            }
        }
    }

    /** The title named is above it, and it shares the franchise or exactly the themes the reason lists. */
    private static void assertMovedDownTruly(List<Recommendations.Item> out, int place, String reason) {
        CatalogTitle moved = bySlug().get(out.get(place).title().slug());
        Matcher franchise = Pattern.compile("^Moved down for variety: same franchise as (.+), ranked above it\\.$").matcher(reason);
        Matcher themes = Pattern.compile("^Moved down for variety: it shares (?:most of its themes|themes) \\((\\d+) of (\\d+): "
                + "(.+)\\) with (.+), ranked above it\\.$").matcher(reason);
        String named;
        if (franchise.matches()) {
            named = franchise.group(1);
        } else {
            assertTrue(themes.matches(), reason);
            named = themes.group(4);
        }
        CatalogTitle above = out.subList(0, place).stream().map(i -> bySlug().get(i.title().slug()))
                .filter(t -> t.title().equals(named)).findFirst().orElseThrow(() -> new AssertionError(reason));
        if (franchise.matches()) {
            assertEquals(moved.franchise(), above.franchise(), reason);
            assertTrue(moved.franchise() != null, reason);
        } else {
            Set<String> shared = new HashSet<>(moved.tags());
            shared.retainAll(above.tags());
            assertEquals(shared, Set.of(themes.group(3).split(", ")), reason);
            assertEquals(shared.size(), Integer.parseInt(themes.group(1)), reason);
            assertEquals(moved.tags().size(), Integer.parseInt(themes.group(2)), reason);
            assertEquals(2 * shared.size() > moved.tags().size(), reason.contains("most of its themes"), reason);
        }
    }

    @Test
    void sharedThemesAloneMoveATitleAndNullIsAFranchiseOfItsOwn() {
        // no franchise anywhere: the film shares 3 of 9 tags with Grave of the Fireflies, the series 3 of 10, so at
        // λ = 0.5 the series comes second and the film, which shares most of its themes with it, moves down
        List<CatalogTitle> noFranchise = TITLES.stream().map(t -> withFranchise(t, null)).toList();
        Map<String, CatalogTitle> map = new LinkedHashMap<>();
        noFranchise.forEach(t -> map.put(t.slug(), t));
        List<Recommendations.Item> out = Diversity.rerank(ranked(), map, 0.5, Integer.MAX_VALUE);
        assertEquals(List.of("grave-of-the-fireflies", "anohana-the-flower-we-saw-that-day", "looking-up-at-the-half-moon",
                "anohana-the-movie", "toradora", "the-wind-rises"), out.stream().map(i -> i.title().slug()).toList());
        assertEquals("Moved down for variety: it shares most of its themes (4 of 6: ghosts, grief, death, friendship) "
                + "with anohana-the-flower-we-saw-that-day, ranked above it.", lastReasonOf(out, "anohana-the-movie"));
        assertEquals("Moved up for variety: it is less like the titles above it than those it passed.",
                lastReasonOf(out, "anohana-the-flower-we-saw-that-day"));
        // a franchise naming another title's slug puts the two together, as if both named it
        List<CatalogTitle> bySlugName = new ArrayList<>(noFranchise);
        bySlugName.set(2, withFranchise(noFranchise.get(2), "anohana-the-movie"));
        Map<String, CatalogTitle> map2 = new LinkedHashMap<>();
        bySlugName.forEach(t -> map2.put(t.slug(), t));
        String last = lastReasonOf(Diversity.rerank(ranked(), map2, 0.3, Integer.MAX_VALUE), "anohana-the-flower-we-saw-that-day");
        assertEquals("Moved down for variety: same franchise as anohana-the-movie, ranked above it.", last);
    }

    @Test
    void unrelatedTitlesKeepTheirOrderWhateverTheGap() {
        List<CatalogTitle> apart = List.of(title("a", null, "war"), title("b", null, "music"), title("c", null, "school"));
        Map<String, CatalogTitle> map = new LinkedHashMap<>();
        apart.forEach(t -> map.put(t.slug(), t));
        List<Recommendations.Item> items = List.of(item(apart.get(0), 10), item(apart.get(1), 2), item(apart.get(2), 2));
        List<Recommendations.Item> out = Diversity.rerank(items, map, 0.9, items.size());
        assertEquals(List.of("a", "b", "c"), out.stream().map(i -> i.title().slug()).toList());
        out.forEach(i -> assertFalse(i.reasons().stream().anyMatch(r -> r.contains("variety"))));
    }

    private static String lastReasonOf(List<Recommendations.Item> items, String slug) {
        Recommendations.Item item = items.stream().filter(i -> i.title().slug().equals(slug)).findFirst().orElseThrow();
        return item.reasons().get(item.reasons().size() - 1);
    }

    private static int indexOf(List<Recommendations.Item> items, String slug) {
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i).title().slug().equals(slug)) {
                return i;
            }
        }
        return -1;
    }

    private static Recommendations.Item item(CatalogTitle t, double score) {
        return new Recommendations.Item(TitleSummary.of(t), score, List.of(), List.of());
    }

    static CatalogTitle title(String slug, String franchise, String... tags) {
        return new CatalogTitle(slug, slug, null, null, "TV", 12, 2010, null, null, null, null, null, List.of(tags),
                "TRAGIC", 8, null, null, 1, franchise);
    }

    private static CatalogTitle withFranchise(CatalogTitle t, String franchise) {
        return title(t.slug(), franchise, t.tags().toArray(String[]::new));
    }
}
