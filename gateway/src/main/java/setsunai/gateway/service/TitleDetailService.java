package setsunai.gateway.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import setsunai.common.problem.ProblemException;
import setsunai.gateway.api.Degradation;
import setsunai.gateway.api.SongPick;
import setsunai.gateway.api.TitleDetail;
import setsunai.gateway.api.TitleSummary;
import setsunai.gateway.client.CatalogTitle;
import setsunai.gateway.client.SimilarTitle;
import setsunai.gateway.client.SongsSong;
import setsunai.gateway.config.GatewayConfig;

/**
 * Title + soundtrack + similar titles: the title (primary), its songs and its similar titles fetched in parallel;
 * the songs batch for the similar titles' top songs needs their slugs, so it starts as soon as the similar titles
 * arrive, while the other two calls may still be running.
 */
@ApplicationScoped
public class TitleDetailService {

    @Inject
    CatalogSource catalog;

    @Inject
    SongsSource songs;

    @Inject
    GatewayConfig config;

    /** The similar titles (without the title itself) and the songs of all of them. */
    private record SimilarWithSongs(Fetched<List<SimilarTitle>> similar, List<SimilarTitle> others,
                                    Fetched<List<SongsSong>> songs) {
    }

    public Uni<TitleDetail> detail(String slug) {
        return Uni.combine().all()
                .unis(catalog.title(slug), songs.songsOfTitles(List.of(slug)), similarWithSongs(slug))
                .asTuple()
                .map(all -> {
                    CatalogTitle title = all.getItem1().orUnavailable("The catalogue", "slug")
                            .orElseThrow(() -> ProblemException.notFound("No title with slug '" + slug + "'."));
                    var soundtrack = all.getItem2();
                    var similar = all.getItem3();
                    List<Degradation> degraded = new ArrayList<>();
                    for (Fetched<?> part : List.of(soundtrack, similar.similar(), similar.songs())) {
                        // songs can fail twice in one answer (soundtrack and top songs): name each service once
                        if (part.failed() && degraded.stream().noneMatch(d -> d.service().equals(part.failure().service()))) {
                            degraded.add(part.failure());
                        }
                    }
                    return new TitleDetail(title, soundtrack.value(), withTopSongs(similar.others(), similar.songs().value()),
                            degraded);
                });
    }

    /**
     * The title a provider id ({@code mal:23273}) names, through the catalogue's id lookup: then exactly the answer
     * for its slug. Several titles with the same id: the first in the catalogue's order.
     */
    public Uni<TitleDetail> detailByProviderId(String id) {
        return catalog.titlesByIds(List.of(id)).chain(found -> {
            String slug = found.orUnavailable("The catalogue", "id").itemsOrEmpty().stream().map(CatalogTitle::slug)
                    .filter(Objects::nonNull).findFirst()
                    .orElseThrow(() -> ProblemException.notFound("No title with id '" + id + "'."));
            return detail(slug);
        });
    }

    private Uni<SimilarWithSongs> similarWithSongs(String slug) {
        int similarLimit = config.ranking().similarLimit();
        return catalog.similar(slug, similarLimit).chain(similar -> {
            List<SimilarTitle> others = similar.value().stream()
                    .filter(s -> s.title() != null && s.title().slug() != null && !slug.equals(s.title().slug()))
                    .limit(similarLimit)
                    .toList();
            if (others.isEmpty()) {
                return Uni.createFrom().item(new SimilarWithSongs(similar, others, Fetched.ok(List.of())));
            }
            return songs.songsOfTitles(others.stream().map(s -> s.title().slug()).toList())
                    .map(topSongs -> new SimilarWithSongs(similar, others, topSongs));
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
