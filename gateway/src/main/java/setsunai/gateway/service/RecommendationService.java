package setsunai.gateway.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import setsunai.gateway.api.Degradation;
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

    public Uni<Recommendations> recommend(MoodDef mood, List<String> formats, List<String> endings, int limit) {
        double tearWeight = config.ranking().tearjerkerWeight();
        List<String> anyTag = mood.tags().keySet().stream().sorted().toList();
        return catalog.candidates(anyTag, formats, endings).chain(fetched -> {
            // re-check what we asked for, so a catalogue that ignored a filter cannot smuggle in unfitting titles
            List<CatalogTitle> pool = fetched.orUnavailable("The catalogue").stream()
                    .filter(t -> Ranking.matchesAnyTag(t, mood))
                    .filter(t -> formats.isEmpty() || formats.contains(t.format()))
                    .filter(t -> endings.isEmpty() || endings.contains(t.ending()))
                    .sorted(Comparator.comparingDouble((CatalogTitle t) -> -Ranking.titleScore(t, mood, tearWeight))
                            .thenComparing(CatalogTitle::slug))
                    .limit(Math.max(limit, config.ranking().songPool()))
                    .toList();
            if (pool.isEmpty()) {
                return Uni.createFrom().item(new Recommendations(mood.name(), List.of(), List.of()));
            }
            return songs.songsOfTitles(pool.stream().map(CatalogTitle::slug).toList())
                    .map(songsOfPool -> rank(mood, pool, songsOfPool, limit));
        });
    }

    private Recommendations rank(MoodDef mood, List<CatalogTitle> pool, Fetched<List<SongsSong>> songsOfPool, int limit) {
        List<Degradation> degraded = new ArrayList<>();
        if (songsOfPool.failed()) {
            degraded.add(songsOfPool.failure());
        }
        List<Recommendations.Item> items = pool.stream()
                .map(t -> Ranking.score(t, mood, SongPicks.of(songsOfPool.value(), t.slug(), mood),
                        config.ranking().tearjerkerWeight(), config.ranking().songBonus()))
                .sorted(Ranking.BEST_FIRST)
                .limit(limit)
                .toList();
        return new Recommendations(mood.name(), items, degraded);
    }
}
