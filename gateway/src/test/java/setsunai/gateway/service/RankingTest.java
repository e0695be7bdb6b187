package setsunai.gateway.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import setsunai.gateway.api.Recommendations;
import setsunai.gateway.api.SongPick;
import setsunai.gateway.client.CatalogTitle;

/** The score formula on its own: no Quarkus, no HTTP. */
class RankingTest {

    static final MoodDef MOOD = new MoodDef("heartbroken", "", weights("unrequited-love", 3, "first-love", 1),
            weights("TRAGIC", 2), List.of("BREAKUP"));

    @Test
    void everyPointHasAReason() {
        var item = Ranking.score(title("a", 7, "TRAGIC", "first-love", "unrequited-love", "war"), MOOD,
                List.of(pick("s1", true), pick("s2", false)), 0.3, 2);

        assertEquals(3 + 1 + 2 + 2.1 + 2, item.score(), 1e-9);
        assertEquals(List.of(
                "Its themes fit heartbroken: unrequited-love (+3), first-love (+1).",
                "Its tragic ending fits heartbroken (+2).",
                "Tearjerker 7 of 10 (+2.1).",
                "Songs in it fit heartbroken: \u201cs1\u201d (BREAKUP) (+2)."), item.reasons());
    }

    @Test
    void tiesGoToTheHarderHittingTitleThenTheSlug() {
        // all score 6: 3 + 0.3 * 10, and 3 + 2 (tragic) + 0.2 * 5
        var b = Ranking.score(title("b", 10, "OPEN", "unrequited-love"), MOOD, List.of(), 0.3, 2);
        var a = Ranking.score(title("a", 10, "OPEN", "unrequited-love"), MOOD, List.of(), 0.3, 2);
        var c = Ranking.score(title("c", 5, "TRAGIC", "unrequited-love"), MOOD, List.of(), 0.2, 2);
        assertEquals(List.of("a", "b", "c"), java.util.stream.Stream.of(c, b, a).sorted(Ranking.BEST_FIRST)
                .map(i -> i.title().slug()).toList());
        assertEquals(a.score(), c.score(), 1e-9);
    }

    @Test
    void aTitleWithoutMatchesScoresOnlyItsTearjerker() {
        Recommendations.Item item = Ranking.score(title("x", 4, "HOPEFUL", "war"), MOOD, List.of(pick("t", false)), 0.3, 2);
        assertEquals(1.2, item.score(), 1e-9);
        assertEquals(List.of("t"), item.songs().stream().map(SongPick::slug).toList());
    }

    @Test
    void aBlendOfMoodsIsTheWeightedSumWithEveryMoodsReasons() {
        MoodDef grieving = new MoodDef("grieving", "", weights("grief", 3), weights("TRAGIC", 2), List.of("GRIEF"));
        CatalogTitle title = title("b", 10, "TRAGIC", "grief", "unrequited-love");
        Map<MoodDef, Double> blend = new LinkedHashMap<>();
        blend.put(grieving, 0.6);
        blend.put(MOOD, 0.4);

        var item = Ranking.score(title, blend, List.of(), 0.3, 2);

        // grieving: 3 + 2 + 3 = 8; heartbroken: 3 + 2 + 3 = 8
        assertEquals(8.0, item.score(), 1e-9);
        assertEquals(List.of(
                "Read as grieving and heartbroken: its score is 0.6 \u00d7 8 (grieving) + 0.4 \u00d7 8 (heartbroken) = 8.",
                "Its themes fit grieving: grief (+3).",
                "Its tragic ending fits grieving (+2).",
                "It hits hard: tearjerker 10 of 10 (+3).",
                "Its themes fit heartbroken: unrequited-love (+3).",
                "Its tragic ending fits heartbroken (+2)."), item.reasons());
        assertEquals(0.6 * Ranking.titleScore(title, grieving, 0.3) + 0.4 * Ranking.titleScore(title, MOOD, 0.3),
                Ranking.titleScore(title, blend, 0.3), 1e-9);
        // one mood ranks exactly as that mood alone
        assertEquals(Ranking.score(title, MOOD, List.of(), 0.3, 2), Ranking.score(title, Map.of(MOOD, 1.0), List.of(), 0.3, 2));
    }

    static CatalogTitle title(String slug, int tearjerker, String ending, String... tags) {
        return new CatalogTitle(slug, slug, null, null, "TV", 12, 2010, null, null, null, null, null, List.of(tags),
                ending, tearjerker, null, null, 1, null);
    }

    static SongPick pick(String slug, boolean fits) {
        return new SongPick(slug, slug, List.of(), 2010, List.of(fits ? "BREAKUP" : "HOPE"), "OPENING", 1, fits);
    }

    static Map<String, Integer> weights(Object... pairs) {
        Map<String, Integer> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], (Integer) pairs[i + 1]);
        }
        return map;
    }
}
