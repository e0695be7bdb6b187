package setsunai.gateway.service;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import setsunai.gateway.api.Recommendations;
import setsunai.gateway.client.CatalogTitle;

/**
 * {@code diversity}: re-ranks a ranking for variety, MMR-style (maximal marginal relevance): each next place goes to
 * the title that maximises {@code (1 − λ) · relevance − λ · (its highest similarity to a title already placed)}, where
 * relevance is its score over the best score (0–1, so that λ weighs two things of the same scale) and λ is
 * {@code diversity}. λ = 0 is the ranking as it was; λ = 1 is variety alone.
 * <p>
 * Similarity is 1 for two titles of the same franchise: a series and its film or sequel tell one story with the same
 * people, so seeing both is no variety even when their tags differ (the anohana series and film share 4 of 9).
 * Otherwise it is the Jaccard index of their tags (shared / all): 0–1 like relevance, symmetric, and not inflated
 * for a title that simply has many tags. Tags are the catalogue's controlled vocabulary of themes, the same thing
 * the score is made of, so two titles that share most of them feel alike for the mood.
 * <p>
 * A title the re-rank moved gets a reason saying why: the title above it that it is most like, or, for one moved up,
 * that it is less like the titles above it than those it passed. Both are true by construction: a title passes one
 * that fits at least as well only when it is strictly less similar to the titles already placed.
 */
public final class Diversity {

    /**
     * The default λ. With relevance as a share of the best score, λ = 0.3 lets a title pass a better fit only when
     * 0.3 × (its drop in similarity) exceeds 0.7 × (its drop in relevance): a second title of a franchise already placed
     * (similarity 1) falls below every title within 43% of the best score, two unrelated titles keep their order. On
     * the dataset of 220 titles it is the knee: the top five's mean pairwise similarity falls from 0.20–0.34 to
     * 0.13–0.30 across the five moods (0.1 and 0.2 barely change it) for at most 1 point off the weakest top-five
     * score, while 0.4 and 0.5 add little variety and cost up to 2.1 points (healing).
     */
    public static final double DEFAULT = 0.3;

    private Diversity() {
    }

    /**
     * The first {@code places} places of the ranking re-ranked; {@code ranked} is best first, {@code titles} has every
     * ranked title by slug (for its franchise and tags). Each place is chosen knowing only the places above it, so the
     * first places are the same whatever comes after: a page needs no more than its own last place (each place costs
     * a pass over every title). λ = 0, or fewer than two titles, gives {@code ranked} itself.
     */
    static List<Recommendations.Item> rerank(List<Recommendations.Item> ranked, Map<String, CatalogTitle> titles,
                                             double lambda, int places) {
        int n = ranked.size();
        if (lambda <= 0 || n < 2) {
            return ranked;
        }
        int shown = Math.min(places, n);
        double best = ranked.get(0).score();
        double[] relevance = new double[n];
        String[] franchise = new String[n];
        // franchises as numbers: compared for every pair that is weighed
        int[] franchiseId = new int[n];
        Map<String, Integer> franchises = new HashMap<>();
        long[][] tags = new long[n][];
        int[] tagCount = new int[n];
        Map<String, Integer> vocabulary = new HashMap<>();
        List<List<String>> tagLists = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Recommendations.Item item = ranked.get(i);
            CatalogTitle title = titles.get(item.title().slug());
            relevance[i] = best > 0 ? item.score() / best : 0;
            // null is a franchise of its own; another title may name this one's slug as its franchise
            franchise[i] = title == null || title.franchise() == null ? item.title().slug() : title.franchise();
            franchiseId[i] = franchises.computeIfAbsent(franchise[i], f -> franchises.size());
            List<String> t = title == null || title.tags() == null ? List.of() : title.tags().stream().distinct().toList();
            tagLists.add(t);
            t.forEach(tag -> vocabulary.putIfAbsent(tag, vocabulary.size()));
        }
        int words = (vocabulary.size() + 63) / 64;
        for (int i = 0; i < n; i++) {
            tags[i] = new long[words];
            for (String tag : tagLists.get(i)) {
                int bit = vocabulary.get(tag);
                tags[i][bit >> 6] |= 1L << (bit & 63);
            }
            tagCount[i] = tagLists.get(i).size();
        }

        double[] maxSimilarity = new double[n];
        int[] nearest = new int[n];
        Arrays.fill(nearest, -1);
        boolean[] placed = new boolean[n];
        int[] order = new int[shown];
        for (int place = 0; place < shown; place++) {
            int pick = -1;
            double pickValue = 0;
            for (int i = 0; i < n; i++) {
                if (placed[i]) {
                    continue;
                }
                double value = (1 - lambda) * relevance[i] - lambda * maxSimilarity[i];
                // strictly greater: on a tie the better-ranked title keeps its place, so the order stays stable
                if (pick < 0 || value > pickValue) {
                    pick = i;
                    pickValue = value;
                }
            }
            placed[pick] = true;
            order[place] = pick;
            for (int i = 0; i < n; i++) {
                if (!placed[i]) {
                    double s = similarity(franchiseId, tags, tagCount, i, pick);
                    if (s > maxSimilarity[i]) {
                        maxSimilarity[i] = s;
                        nearest[i] = pick;
                    }
                }
            }
        }

        List<Recommendations.Item> out = new ArrayList<>(shown);
        for (int place = 0; place < shown; place++) {
            int i = order[place];
            Recommendations.Item item = ranked.get(i);
            if (place > i && nearest[i] >= 0) {
                out.add(withReason(item, movedDown(ranked, franchise, tagLists, i, nearest[i])));
            } else if (place < i) {
                out.add(withReason(item, "Moved up for variety: it is less like the titles above it than those it "
                        + "passed."));
            } else {
                out.add(item);
            }
        }
        return out;
    }

    private static double similarity(int[] franchise, long[][] tags, int[] tagCount, int a, int b) {
        if (franchise[a] == franchise[b]) {
            return 1;
        }
        int shared = 0;
        for (int w = 0; w < tags[a].length; w++) {
            shared += Long.bitCount(tags[a][w] & tags[b][w]);
        }
        int union = tagCount[a] + tagCount[b] - shared;
        return union == 0 ? 0 : (double) shared / union;
    }

    private static String movedDown(List<Recommendations.Item> ranked, String[] franchise, List<List<String>> tags,
                                    int moved, int like) {
        String name = ranked.get(like).title().title();
        if (franchise[moved].equals(franchise[like])) {
            return "Moved down for variety: same franchise as " + name + ", ranked above it.";
        }
        List<String> shared = tags.get(moved).stream().filter(tags.get(like)::contains).toList();
        int own = tags.get(moved).size();
        return "Moved down for variety: it shares " + (2 * shared.size() > own ? "most of its themes" : "themes")
                + " (" + shared.size() + " of " + own + ": " + String.join(", ", shared) + ") with " + name
                + ", ranked above it.";
    }

    private static Recommendations.Item withReason(Recommendations.Item item, String reason) {
        List<String> reasons = new ArrayList<>(item.reasons());
        reasons.add(reason);
        return new Recommendations.Item(item.title(), item.score(), List.copyOf(reasons), item.songs());
    }
}
