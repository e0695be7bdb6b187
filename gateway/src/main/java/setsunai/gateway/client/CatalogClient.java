package setsunai.gateway.client;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import java.util.Optional;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** The catalogue, with retries and a circuit breaker; a 404 is an absent title, not a failure. */
@ApplicationScoped
public class CatalogClient {

    @RestClient
    CatalogApi api;

    @Retry(maxRetries = 2, delay = 50, jitter = 25)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5000)
    public Uni<Optional<CatalogTitle>> title(String slug) {
        return api.title(slug).map(Optional::of)
                .onFailure(e -> e instanceof WebApplicationException w && w.getResponse().getStatus() == 404)
                .recoverWithItem(Optional.empty());
    }
}
