package setsunai.gateway.client;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** The songs service, with retries and a circuit breaker. */
@ApplicationScoped
public class SongsClient {

    /** The most songs one batched call returns. */
    static final int BATCH_SIZE = 100;

    @RestClient
    SongsApi api;

    @Retry(maxRetries = 2, delay = 50, jitter = 25)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5000)
    public Uni<List<SongsSong>> songsOfTitles(List<String> titleSlugs) {
        return api.songsOfTitles(titleSlugs, BATCH_SIZE).map(PageOf::items);
    }
}
