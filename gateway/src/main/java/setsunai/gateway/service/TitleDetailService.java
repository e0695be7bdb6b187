package setsunai.gateway.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import setsunai.common.problem.ProblemException;
import setsunai.gateway.client.CatalogTitle;
import setsunai.gateway.client.SimilarTitle;
import setsunai.gateway.client.SongsSong;
import setsunai.gateway.config.GatewayConfig;
import setsunai.gateway.rest.SongPick;
import setsunai.gateway.rest.TitleDetail;
import setsunai.gateway.rest.TitleSummary;

/**
 * Title + soundtrack + similar titles: the title (primary), its songs and its similar titles fetched in parallel,
 * then one songs batch for the similar titles' top songs (it needs their slugs, so it comes second).
 */
@ApplicationScoped
public class TitleDetailService {

    @Inject
    CatalogSource catalog;

    @Inject
    SongsSource songs;

    @Inject
    GatewayConfig config;

    public Uni<TitleDetail> detail(String slug) {
        int similarLimit = config.ranking().similarLimit();
        return Uni.combine().all()
                .unis(catalog.title(slug), songs.songsOfTitles(List.of(slug)), catalog.similar(slug, similarLimit))
                .asTuple()
                .chain(all -> {
                    CatalogTitle title = all.getItem1().orUnavailable("The catalogue")
                            .orElseThrow(() -> ProblemException.notFound("No title with slug '" + slug + "'."));
                    List<Degradation> degraded = new ArrayList<>();
                    var soundtrack = all.getItem2();
                    var similar = all.getItem3();
                    if (soundtrack.failed()) {
                        degraded.add(soundtrack.failure());
                    }
                    if (similar.failed()) {
                        degraded.add(similar.failure());
                    }
                    List<SimilarTitle> others = similar.value().stream()
                            .filter(s -> s.title() != null && s.title().slug() != null && !slug.equals(s.title().slug()))
                            .limit(similarLimit)
                            .toList();
                    // songs already failed for this request: do not wait for them a second time
                    if (others.isEmpty() || soundtrack.failed()) {
                        return Uni.createFrom().item(new TitleDetail(title, soundtrack.value(),
                                withTopSongs(others, List.of()), degraded));
                    }
                    return songs.songsOfTitles(others.stream().map(s -> s.title().slug()).toList()).map(topSongs -> {
                        if (topSongs.failed()) {
                            degraded.add(topSongs.failure());
                        }
                        return new TitleDetail(title, soundtrack.value(), withTopSongs(others, topSongs.value()), degraded);
                    });
                });
    }

    private static List<TitleDetail.Similar> withTopSongs(List<SimilarTitle> similar, List<SongsSong> songs) {
        return similar.stream().map(s -> {
            SongPick top = SongPicks.of(songs, s.title().slug(), null).stream().findFirst().orElse(null);
            return new TitleDetail.Similar(TitleSummary.of(s.title()), s.similarity(),
                    s.sharedTags() == null ? List.of() : s.sharedTags(), top);
        }).toList();
    }
}
