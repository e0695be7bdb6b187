package setsunai.songs.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import setsunai.common.problem.ProblemException;
import setsunai.common.web.Page;
import setsunai.common.web.PageRequest;
import setsunai.songs.api.ArtistSummary;
import setsunai.songs.api.ArtistView;
import setsunai.songs.store.ArtistRepository;

/** Reading artists. They are written through the songs that credit them. */
@ApplicationScoped
public class ArtistService {

    @Inject
    ArtistRepository artists;

    @Transactional
    public Page<ArtistSummary> list(String q, PageRequest page) {
        var matches = artists.search(q, page.offset(), page.size());
        return Page.of(matches.items().stream().map(ArtistMapper::toSummary).toList(), page, matches.total());
    }

    @Transactional
    public ArtistView get(String slug) {
        var artist = artists.findBySlug(slug)
                .orElseThrow(() -> ProblemException.notFound("No artist with slug '" + slug + "'."));
        return ArtistMapper.toView(artist, artists.creditsOf(artist));
    }
}
