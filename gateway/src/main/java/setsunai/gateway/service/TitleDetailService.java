package setsunai.gateway.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;
import setsunai.common.problem.ProblemException;
import setsunai.gateway.client.CatalogClient;
import setsunai.gateway.client.SongsClient;
import setsunai.gateway.client.SongsSong;

/** Title + soundtrack: the catalogue (primary) and the songs (secondary) fetched in parallel. */
@ApplicationScoped
public class TitleDetailService {

    private static final Logger LOG = Logger.getLogger(TitleDetailService.class);

    @Inject
    CatalogClient catalog;

    @Inject
    SongsClient songs;

    public Uni<TitleDetail> detail(String slug) {
        var title = catalog.title(slug)
                .onFailure().transform(e -> {
                    LOG.warnf("catalog-service failed for title %s: %s", slug, e.toString());
                    return new ProblemException(503, "The catalogue is unavailable right now; please retry shortly.");
                });
        var soundtrack = songs.songsOfTitles(List.of(slug))
                .map(SongsResult::of)
                .onFailure().recoverWithItem(e -> {
                    LOG.warnf("songs-service failed for title %s: %s", slug, e.toString());
                    return SongsResult.failed(Degradation.of("songs", e));
                });
        return Uni.combine().all().unis(title, soundtrack).asTuple().map(both -> {
            var found = both.getItem1()
                    .orElseThrow(() -> ProblemException.notFound("No title with slug '" + slug + "'."));
            List<Degradation> degraded = new ArrayList<>();
            both.getItem2().degradation().ifPresent(degraded::add);
            return new TitleDetail(found, both.getItem2().songs(), degraded);
        });
    }

    /** Songs, or the reason there are none. */
    private record SongsResult(List<SongsSong> songs, java.util.Optional<Degradation> degradation) {
        static SongsResult of(List<SongsSong> songs) {
            return new SongsResult(songs, java.util.Optional.empty());
        }

        static SongsResult failed(Degradation degradation) {
            return new SongsResult(List.of(), java.util.Optional.of(degradation));
        }
    }
}
