package setsunai.gateway.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import setsunai.gateway.api.Degradation;
import setsunai.gateway.api.Interpretation;
import setsunai.gateway.api.Recommendations;
import setsunai.gateway.client.CatalogTitle;
import setsunai.gateway.client.SongsSong;
import setsunai.gateway.config.GatewayConfig;

/**
 * Recommendations in two downstream calls, whatever the number of titles: one catalogue search for the mood's
 * candidates (primary: without it, 503), then one songs batch for the best of them (secondary: without it, degraded).
 */
@ApplicationScoped
public class RecommendationService {

    @Inject
    CatalogSource catalog;

    @Inject
    SongsSource songs;

    @Inject
    GatewayConfig config;

    @Inject
    Moods moods;

    public Uni<Recommendations> recommend(MoodDef mood, List<String> formats, List<String> endings, int limit) {
        return recommend(Map.of(mood, 1.0), null, formats, endings, limit);
    }

    /**
     * For a feeling: the moods it was read as, blended by weight. Still one catalogue search (for the union of the
     * moods' tags) and one songs batch, so a feeling costs no more calls than a mood.
     */
    public Uni<Recommendations> recommend(Interpretation interpretation, List<String> formats, List<String> endings,
                                          int limit) {
        Map<MoodDef, Double> blend = new LinkedHashMap<>();
        interpretation.moods().forEach(m -> blend.put(moods.find(m.name()).orElseThrow(), m.weight()));
        return recommend(blend, interpretation, formats, endings, limit);
    }

    private Uni<Recommendations> recommend(Map<MoodDef, Double> blend, Interpretation interpretation,
                                           List<String> formats, List<String> endings, int limit) {
        double tearWeight = config.ranking().tearjerkerWeight();
        String name = blend.keySet().iterator().next().name(); // the strongest mood
        List<String> anyTag = blend.keySet().stream().flatMap(m -> m.tags().keySet().stream())
                .distinct().sorted().toList();
        return catalog.candidates(anyTag, formats, endings).chain(fetched -> {
            // re-check what we asked for, so a catalogue that ignored a filter cannot smuggle in unfitting titles
            List<CatalogTitle> pool = fetched.orUnavailable("The catalogue").stream()
                    .filter(t -> Ranking.matchesAnyTag(t, blend))
                    .filter(t -> formats.isEmpty() || formats.contains(t.format()))
                    .filter(t -> endings.isEmpty() || endings.contains(t.ending()))
                    .sorted(Comparator.comparingDouble((CatalogTitle t) -> -Ranking.titleScore(t, blend, tearWeight))
                            .thenComparing(CatalogTitle::slug))
                    .limit(Math.max(limit, config.ranking().songPool()))
                    .toList();
            if (pool.isEmpty()) {
                return Uni.createFrom().item(new Recommendations(name, interpretation, List.of(), List.of()));
            }
            return songs.songsOfTitles(pool.stream().map(CatalogTitle::slug).toList())
                    .map(songsOfPool -> rank(blend, interpretation, pool, songsOfPool, limit));
        });
    }

    private Recommendations rank(Map<MoodDef, Double> blend, Interpretation interpretation, List<CatalogTitle> pool,
                                 Fetched<List<SongsSong>> songsOfPool, int limit) {
        List<Degradation> degraded = new ArrayList<>();
        if (songsOfPool.failed()) {
            degraded.add(songsOfPool.failure());
        }
        List<Recommendations.Item> items = pool.stream()
                .map(t -> Ranking.score(t, blend, songsOfPool.value(),
                        config.ranking().tearjerkerWeight(), config.ranking().songBonus()))
                .sorted(Ranking.BEST_FIRST)
                .limit(limit)
                .toList();
        return new Recommendations(blend.keySet().iterator().next().name(), interpretation, items, degraded);
    }
}
