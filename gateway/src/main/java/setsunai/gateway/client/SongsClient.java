package setsunai.gateway.client;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The songs service, with retries (idempotent GETs only, with jitter) and a circuit breaker per method.
 * A 404 is an absent song, not a failure; other 4xx are refusals, neither retried nor counted; a 503 is counted but
 * not retried (see {@link Downstream}).
 * Retry and breaker are declared once, on the class; MicroProfile Fault Tolerance still keeps one breaker per
 * method, so a failing batch call does not stop single lookups (override: quarkus.fault-tolerance."<class>".*).
 */
@Retry(maxRetries = 2, delay = 50, jitter = 25, abortOn = {DownstreamRejected.class, DownstreamUnavailable.class, CircuitBreakerOpenException.class})
@CircuitBreaker(requestVolumeThreshold = 6, failureRatio = 0.5, delay = 5000, skipOn = DownstreamRejected.class)
@ApplicationScoped
public class SongsClient {

    /** The most items one call returns (the services' page size limit). */
    public static final int BATCH_SIZE = 100;

    @RestClient
    SongsApi api;

    public Uni<Optional<SongsSong>> song(String slug) {
        return Downstream.optional(api.song(slug));
    }

    /** How many pages of songs one batch of titles may take (their songs rarely fill one). */
    public static final int MAX_PAGES = 5;

    /** The songs used in any of these titles (up to 100): one call, and one more per further page of songs. */
    public Uni<List<SongsSong>> songsOfTitles(List<String> titleSlugs) {
        if (titleSlugs.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return Downstream.allPages(page -> api.songsOfTitles(titleSlugs, page == 1 ? null : page, BATCH_SIZE), MAX_PAGES,
                "songs of titles batch");
    }

    public Uni<List<SongsSong>> byMood(List<String> moods) {
        return Downstream.classify(api.byMood(moods, BATCH_SIZE).map(p -> Downstream.items(p, "songs by mood")));
    }

    public Uni<PageOf<SongsSong>> page(int page) {
        return Downstream.classify(api.page(page, BATCH_SIZE));
    }
}
