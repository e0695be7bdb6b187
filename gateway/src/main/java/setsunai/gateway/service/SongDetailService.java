package setsunai.gateway.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import setsunai.common.problem.ProblemException;
import setsunai.gateway.api.SongDetail;
import setsunai.gateway.client.CatalogClient;
import setsunai.gateway.client.CatalogTitle;
import setsunai.gateway.client.SongsSong;

/** Song → anime: the song (primary), then one catalogue batch for every title it is used in (secondary). */
@ApplicationScoped
public class SongDetailService {

    @Inject
    SongsSource songs;

    @Inject
    CatalogSource catalog;

    public Uni<SongDetail> detail(String slug) {
        return songs.song(slug).chain(fetched -> {
            SongsSong song = fetched.orUnavailable("The songs service", "slug")
                    .orElseThrow(() -> ProblemException.notFound("No song with slug '" + slug + "'."));
            List<String> titleSlugs = song.usages() == null ? List.of() : song.usages().stream()
                    .map(SongsSong.Usage::titleSlug).filter(Objects::nonNull).distinct()
                    .limit(CatalogClient.BATCH_SIZE).toList();
            return catalog.titles(titleSlugs).map(titles -> {
                // the catalogue answers in its own order; keep the song's
                Map<String, CatalogTitle> bySlug = titles.value().stream()
                        .collect(Collectors.toMap(CatalogTitle::slug, Function.identity(), (a, b) -> a));
                List<CatalogTitle> ordered = titleSlugs.stream().map(bySlug::get).filter(Objects::nonNull).toList();
                return new SongDetail(song, ordered, titles.failed() ? List.of(titles.failure()) : List.of());
            });
        });
    }
}
