package setsunai.gateway.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import setsunai.common.web.Page;
import setsunai.common.web.PageRequest;
import setsunai.gateway.api.Degradation;
import setsunai.gateway.api.Interpretation;
import setsunai.gateway.api.Recommendations;
import setsunai.gateway.api.Surprise;
import setsunai.gateway.client.CatalogTitle;
import setsunai.gateway.client.SongsSong;
import setsunai.gateway.config.GatewayConfig;

/**
 * Recommendations in two downstream calls, whatever the page: one catalogue search for the mood's candidates
 * (primary: without it, 503), then one songs batch for all of them (secondary: without it, degraded). A feeling is
 * the moods it was read as, blended by weight, and costs the same two calls (one search for the union of their tags).
 */
@ApplicationScoped
public class RecommendationService {

    /**
     * Titles whose songs are looked up (the rest rank without a song bonus). Not 100: the songs service answers a
     * batch with a Link header that repeats every slug four times, and for 100 slugs it passes the 8 KB of response
     * headers the REST client reads ("HTTP header is larger than 8192 bytes"), which failed every call.
     */
    static final int SONG_POOL = 25;

    @Inject
    CatalogSource catalog;

    @Inject
    SongsSource songs;

    @Inject
    GatewayConfig config;

    @Inject
    Moods moods;

    public Uni<Recommendations> recommend(MoodDef mood, Filters filters, Exclusions exclude, double diversity,
                                          PageRequest page) {
        return recommend(Map.of(mood, 1.0), null, filters, exclude, diversity, page);
    }

    public Uni<Recommendations> recommend(Interpretation interpretation, Filters filters, Exclusions exclude,
                                          double diversity, PageRequest page) {
        return recommend(blendOf(interpretation), interpretation, filters, exclude, diversity, page);
    }

    /** One title, picked at random among those that fit best, weighted by fit; {@code seed} replays the pick. */
    public Uni<Surprise> surprise(MoodDef mood, Filters filters, Exclusions exclude, long seed) {
        return surprise(Map.of(mood, 1.0), null, filters, exclude, seed);
    }

    public Uni<Surprise> surprise(Interpretation interpretation, Filters filters, Exclusions exclude, long seed) {
        return surprise(blendOf(interpretation), interpretation, filters, exclude, seed);
    }

    private Map<MoodDef, Double> blendOf(Interpretation interpretation) {
        Map<MoodDef, Double> blend = new LinkedHashMap<>();
        interpretation.moods().forEach(m -> blend.put(moods.find(m.name()).orElseThrow(), m.weight()));
        return blend;
    }

    /**
     * Every title that fits the moods and filters, from one catalogue search (cached briefly), the catalogue's
     * answer re-checked. A catalogue 400 while {@code streaming} was passed on is the caller's 400 naming it: every
     * other value sent is the gateway's own vocabulary, checked at the edge.
     */
    private Uni<List<CatalogTitle>> fitting(Map<MoodDef, Double> blend, Filters filters) {
        List<String> anyTag = blend.keySet().stream().flatMap(m -> m.tags().keySet().stream())
                .distinct().sorted().toList();
        return catalog.candidates(anyTag, filters.formats(), filters.endings(), filters.streaming())
                // re-check what we asked for, so a catalogue that ignored a filter cannot smuggle in unfitting titles
                // (streaming is not re-checked: the title's streaming field is changing shape, issue 14 item 3)
                .map(fetched -> fetched.orUnavailable("The catalogue", filters.streaming().isEmpty() ? null : "streaming")
                        .stream()
                        .filter(t -> Ranking.matchesAnyTag(t, blend))
                        .filter(t -> filters.formats().isEmpty() || filters.formats().contains(t.format()))
                        .filter(t -> filters.endings().isEmpty() || filters.endings().contains(t.ending()))
                        .toList());
    }

    /**
     * Not excluded, best first by the catalogue's terms (slug last), so the order never depends on the catalogue's.
     * Each title's fit is computed once, not in every comparison: a mood at scale has 500 candidates.
     */
    private List<CatalogTitle> ranked(List<CatalogTitle> fitting, Map<MoodDef, Double> blend, Exclusions exclude) {
        double tearWeight = config.ranking().tearjerkerWeight();
        return fitting.stream()
                .filter(t -> !exclude.excludes(t))
                .map(t -> Map.entry(t, Ranking.titleScore(t, blend, tearWeight)))
                .sorted(Comparator.comparingDouble((Map.Entry<CatalogTitle, Double> fit) -> -fit.getValue())
                        .thenComparing(fit -> fit.getKey().slug()))
                .map(Map.Entry::getKey)
                .toList();
    }

    private Uni<Recommendations> recommend(Map<MoodDef, Double> blend, Interpretation interpretation, Filters filters,
                                           Exclusions asked, double diversity, PageRequest page) {
        String name = blend.keySet().iterator().next().name(); // the strongest mood
        // the exclude values are looked up while the candidates are fetched
        return Uni.combine().all().unis(fitting(blend, filters), asked.resolve(catalog)).asTuple().chain(both -> {
            List<CatalogTitle> fitting = both.getItem1();
            Exclusions exclude = both.getItem2();
            // excluded before anything is ranked or looked up, so an excluded title takes no place on any page
            List<String> unmatched = exclude.unmatched(fitting);
            // every title left is ranked, the same ranking whichever page is asked; the best SONG_POOL by the
            // catalogue's terms with their songs, in one songs batch
            List<CatalogTitle> ranked = ranked(fitting, blend, exclude);
            if (ranked.isEmpty()) {
                return Uni.createFrom().item(answer(name, interpretation, List.of(), page, 0, unmatched,
                        exclude.degraded()));
            }
            List<String> pool = ranked.stream().limit(SONG_POOL).map(CatalogTitle::slug).toList();
            return songs.songsOfTitles(pool)
                    .map(songsOfPool -> rank(blend, interpretation, ranked, songsOfPool, diversity, page, unmatched,
                            exclude.degraded()));
        });
    }

    private Recommendations rank(Map<MoodDef, Double> blend, Interpretation interpretation, List<CatalogTitle> ranked,
                                 Fetched<List<SongsSong>> songsOfPool, double diversity, PageRequest page,
                                 List<String> unmatched, List<Degradation> excludeDegraded) {
        List<Degradation> degraded = new ArrayList<>(excludeDegraded);
        if (songsOfPool.failed()) {
            degraded.add(songsOfPool.failure());
        }
        // each title gets only its own songs: most of the ranking has none, and the pool's are many
        Map<String, List<SongsSong>> songsByTitle = SongPicks.byTitle(songsOfPool.value());
        List<Recommendations.Item> scored = ranked.stream()
                .map(t -> Ranking.score(t, blend, songsByTitle.getOrDefault(t.slug(), List.of()),
                        config.ranking().tearjerkerWeight(), config.ranking().songBonus()))
                .sorted(Ranking.BEST_FIRST)
                .toList();
        // variety over the whole ranking before paging, so every page is still a slice of one order; the re-rank
        // places titles one by one, so the places up to this page's last are all it needs to work out
        Map<String, CatalogTitle> bySlug = new HashMap<>();
        ranked.forEach(t -> bySlug.put(t.slug(), t));
        int places = (int) Math.min(scored.size(), page.offset() + (long) page.size());
        List<Recommendations.Item> items = Diversity.rerank(scored, bySlug, diversity, places).stream()
                .skip(page.offset())
                .limit(page.size())
                .toList();
        return answer(blend.keySet().iterator().next().name(), interpretation, items, page, ranked.size(), unmatched,
                degraded);
    }

    /**
     * The pick is drawn among the titles that fit well: a fit (score from the catalogue's terms: tags, ending,
     * tearjerker) of at least {@code setsunai.gateway.surprise.min-fit-share} of the best fitting title's. Drawing
     * from every title with one of the mood's tags (130 to 165 of 220) could not cover 80% of them in 200 draws
     * (1 - e^-1 at best), and a title with one weak tag is no real fit. Among those, weighted by fit: linear, so a
     * title that fits twice as well is twice as likely, and the weakest of the pool still has a fair chance. The song
     * term is left out of the weight: it would need every candidate's songs, and the pick must not change with
     * whether the songs service answered. Then one songs call for the picked title alone, which the score and
     * reasons shown include.
     */
    private Uni<Surprise> surprise(Map<MoodDef, Double> blend, Interpretation interpretation, Filters filters,
                                   Exclusions asked, long seed) {
        String name = blend.keySet().iterator().next().name();
        double tearWeight = config.ranking().tearjerkerWeight();
        double share = config.surprise().minFitShare();
        return Uni.combine().all().unis(fitting(blend, filters), asked.resolve(catalog)).asTuple().chain(both -> {
            List<CatalogTitle> fitting = both.getItem1();
            Exclusions exclude = both.getItem2();
            List<String> unmatched = exclude.unmatched(fitting);
            List<CatalogTitle> ranked = ranked(fitting, blend, exclude);
            if (ranked.isEmpty()) {
                return Uni.createFrom().item(new Surprise(seed, name, interpretation, null, 0, unmatched,
                        exclude.degraded()));
            }
            // ranked is best first; the tolerance keeps a fit of exactly the share in despite the double's last bit
            double floor = share * Ranking.titleScore(ranked.get(0), blend, tearWeight) - 1e-9;
            List<CatalogTitle> pool = ranked.stream()
                    .filter(t -> Ranking.titleScore(t, blend, tearWeight) >= floor).toList();
            double[] weights = pool.stream().mapToDouble(t -> Ranking.titleScore(t, blend, tearWeight)).toArray();
            int index = SeededDraw.pick(weights, seed);
            CatalogTitle picked = pool.get(index);
            double total = Arrays.stream(weights).map(w -> Math.max(w, 0)).sum();
            double chance = total > 0 ? Math.max(weights[index], 0) / total : 1.0 / weights.length;
            String pickedWhy = pickedReason(blend, share, ranked.size(), pool.size(), chance);
            return songs.songsOfTitles(List.of(picked.slug())).map(songsOfPick -> {
                Recommendations.Item item = Ranking.score(picked, blend, songsOfPick.value(), tearWeight,
                        config.ranking().songBonus());
                List<String> reasons = new ArrayList<>(item.reasons());
                reasons.add(pickedWhy);
                Recommendations.Item shown = new Recommendations.Item(item.title(), item.score(), List.copyOf(reasons),
                        item.songs());
                List<Degradation> degraded = new ArrayList<>(exclude.degraded());
                if (songsOfPick.failed()) {
                    degraded.add(songsOfPick.failure());
                }
                return new Surprise(seed, name, interpretation, shown, pool.size(), unmatched, List.copyOf(degraded));
            });
        });
    }

    /** The surprise's last reason: what it was drawn among, and its chance. */
    static String pickedReason(Map<MoodDef, Double> blend, double share, int fitting, int pool, double chance) {
        if (fitting == 1) {
            return "Picked as the only title that fits.";
        }
        String moods = blend.keySet().stream().map(MoodDef::name).collect(Collectors.joining(" and "));
        String atLeast = "at least " + (share == 0.5 ? "half" : percent(share) + " of");
        if (pool == 1) {
            return "Picked as the best fit of the " + fitting + " titles that fit " + moods + ": no other has "
                    + atLeast + " its fit.";
        }
        return "Picked at random among the " + pool + " titles that fit " + moods
                + (share > 0 ? " best (" + atLeast + " the best fit)" : "") + ", weighted by fit: its chance was "
                + percent(chance) + ".";
    }

    /** "3.1%" under 10% (one decimal), "12%" above. */
    static String percent(double share) {
        double p = share * 100;
        return (p >= 9.95 ? Long.toString(Math.round(p)) : String.format(Locale.ROOT, "%.1f", p)) + "%";
    }

    private static Recommendations answer(String mood, Interpretation interpretation, List<Recommendations.Item> items,
                                          PageRequest request, long total, List<String> unmatched,
                                          List<Degradation> degraded) {
        Page<Recommendations.Item> page = Page.of(items, request, total);
        return new Recommendations(mood, interpretation, items, page.page(), page.size(), page.totalItems(),
                page.totalPages(), unmatched, degraded);
    }
}
