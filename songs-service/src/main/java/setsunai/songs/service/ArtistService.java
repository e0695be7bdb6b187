package setsunai.songs.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import setsunai.common.problem.ProblemException;
import setsunai.common.web.Page;
import setsunai.common.web.PageRequest;
import setsunai.songs.api.ArtistSummary;
import setsunai.songs.api.ArtistView;
import setsunai.songs.store.ArtistStore;

/** Reading artists, without a transaction as every read (see SongService). They are written through their songs. */
@ApplicationScoped
public class ArtistService {

    @Inject
    ArtistStore artists;

    public Page<ArtistSummary> list(String q, PageRequest page) {
        return artists.search(q, page);
    }

    public ArtistView get(String slug) {
        return artists.find(slug).orElseThrow(() -> ProblemException.noSuch("artist", slug, "/api/artists"));
    }
}
