package setsunai.gateway.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.jboss.logging.Logger;
import setsunai.gateway.client.PageOf;
import setsunai.gateway.client.SongsClient;
import setsunai.gateway.client.SongsSong;

/**
 * The composing side's view of the songs service: every call has a deadline (@Timeout, retries included) and a
 * fallback that turns any failure into a named {@link Degradation}; the caller decides whether that is fatal.
 */
@ApplicationScoped
public class SongsSource {

    static final String SERVICE = "songs";
    private static final Logger LOG = Logger.getLogger(SongsSource.class);

    @Inject
    SongsClient client;

    @Timeout(800)
    @Fallback(fallbackMethod = "songFailed")
    public Uni<Fetched<Optional<SongsSong>>> song(String slug) {
        return client.song(slug).map(Fetched::ok);
    }

    @Timeout(800)
    @Fallback(fallbackMethod = "songsOfTitlesFailed")
    public Uni<Fetched<List<SongsSong>>> songsOfTitles(List<String> titleSlugs) {
        return client.songsOfTitles(titleSlugs).map(Fetched::ok);
    }

    @Timeout(800)
    @Fallback(fallbackMethod = "byMoodFailed")
    public Uni<Fetched<List<SongsSong>>> byMood(List<String> moods) {
        return client.byMood(moods).map(Fetched::ok);
    }

    @Timeout(800)
    @Fallback(fallbackMethod = "pageFailed")
    public Uni<Fetched<PageOf<SongsSong>>> page(int page) {
        return client.page(page).map(Fetched::ok);
    }

    Uni<Fetched<Optional<SongsSong>>> songFailed(String slug, Throwable e) {
        return failed(e, Optional.empty());
    }

    Uni<Fetched<List<SongsSong>>> songsOfTitlesFailed(List<String> titleSlugs, Throwable e) {
        return failed(e, List.of());
    }

    Uni<Fetched<List<SongsSong>>> byMoodFailed(List<String> moods, Throwable e) {
        return failed(e, List.of());
    }

    Uni<Fetched<PageOf<SongsSong>>> pageFailed(int page, Throwable e) {
        return failed(e, null);
    }

    private static <T> Uni<Fetched<T>> failed(Throwable e, T empty) {
        LOG.warnf("songs-service call failed: %s", e.toString());
        return Uni.createFrom().item(Fetched.failed(SERVICE, e, empty));
    }
}
