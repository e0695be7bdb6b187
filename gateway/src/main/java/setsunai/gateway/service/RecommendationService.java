package setsunai.gateway.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import setsunai.common.web.Page;
import setsunai.common.web.PageRequest;
import setsunai.gateway.api.Degradation;
import setsunai.gateway.api.Interpretation;
import setsunai.gateway.api.Recommendations;
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

    public Uni<Recommendations> recommend(MoodDef mood, List<String> formats, List<String> endings, Exclusions exclude,
                                          PageRequest page) {
        return recommend(Map.of(mood, 1.0), null, formats, endings, exclude, page);
    }

    public Uni<Recommendations> recommend(Interpretation interpretation, List<String> formats, List<String> endings,
                                          Exclusions exclude, PageRequest page) {
        Map<MoodDef, Double> blend = new LinkedHashMap<>();
        interpretation.moods().forEach(m -> blend.put(moods.find(m.name()).orElseThrow(), m.weight()));
        return recommend(blend, interpretation, formats, endings, exclude, page);
    }

    private Uni<Recommendations> recommend(Map<MoodDef, Double> blend, Interpretation interpretation,
                                           List<String> formats, List<String> endings, Exclusions asked,
                                           PageRequest page) {
        double tearWeight = config.ranking().tearjerkerWeight();
        String name = blend.keySet().iterator().next().name(); // the strongest mood
        List<String> anyTag = blend.keySet().stream().flatMap(m -> m.tags().keySet().stream())
                .distinct().sorted().toList();
        // the exclude values are looked up while the candidates are fetched
        return Uni.combine().all().unis(catalog.candidates(anyTag, formats, endings), asked.resolve(catalog)).asTuple()
                .chain(both -> {
            Fetched<List<CatalogTitle>> fetched = both.getItem1();
            Exclusions exclude = both.getItem2();
            // re-check what we asked for, so a catalogue that ignored a filter cannot smuggle in unfitting titles
            List<CatalogTitle> fitting = fetched.orUnavailable("The catalogue").stream()
                    .filter(t -> Ranking.matchesAnyTag(t, blend))
                    .filter(t -> formats.isEmpty() || formats.contains(t.format()))
                    .filter(t -> endings.isEmpty() || endings.contains(t.ending()))
                    .toList();
            // excluded before anything is ranked or looked up, so an excluded title takes no place on any page
            List<String> unmatched = exclude.unmatched(fitting);
            // every title left is ranked, the same ranking whichever page is asked; the best SONG_POOL by the
            // catalogue's terms with their songs, in one songs batch
            List<CatalogTitle> ranked = fitting.stream()
                    .filter(t -> !exclude.excludes(t))
                    .sorted(Comparator.comparingDouble((CatalogTitle t) -> -Ranking.titleScore(t, blend, tearWeight))
                            .thenComparing(CatalogTitle::slug))
                    .toList();
            if (ranked.isEmpty()) {
                return Uni.createFrom().item(answer(name, interpretation, List.of(), page, 0, unmatched,
                        exclude.degraded()));
            }
            List<String> pool = ranked.stream().limit(SONG_POOL).map(CatalogTitle::slug).toList();
            return songs.songsOfTitles(pool)
                    .map(songsOfPool -> rank(blend, interpretation, ranked, songsOfPool, page, unmatched,
                            exclude.degraded()));
        });
    }

    private Recommendations rank(Map<MoodDef, Double> blend, Interpretation interpretation, List<CatalogTitle> ranked,
                                 Fetched<List<SongsSong>> songsOfPool, PageRequest page, List<String> unmatched,
                                 List<Degradation> excludeDegraded) {
        List<Degradation> degraded = new ArrayList<>(excludeDegraded);
        if (songsOfPool.failed()) {
            degraded.add(songsOfPool.failure());
        }
        List<Recommendations.Item> items = ranked.stream()
                .map(t -> Ranking.score(t, blend, songsOfPool.value(),
                        config.ranking().tearjerkerWeight(), config.ranking().songBonus()))
                .sorted(Ranking.BEST_FIRST)
                .skip(page.offset())
                .limit(page.size())
                .toList();
        return answer(blend.keySet().iterator().next().name(), interpretation, items, page, ranked.size(), unmatched,
                degraded);
    }

    private static Recommendations answer(String mood, Interpretation interpretation, List<Recommendations.Item> items,
                                          PageRequest request, long total, List<String> unmatched,
                                          List<Degradation> degraded) {
        Page<Recommendations.Item> page = Page.of(items, request, total);
        return new Recommendations(mood, interpretation, items, page.page(), page.size(), page.totalItems(),
                page.totalPages(), unmatched, degraded);
    }
}
