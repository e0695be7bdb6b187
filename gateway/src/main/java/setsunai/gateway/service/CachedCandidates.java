package setsunai.gateway.service;

import io.quarkus.cache.CacheResult;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import setsunai.gateway.client.CatalogClient;
import setsunai.gateway.client.CatalogTitle;

/**
 * The hot read of the gateway: a mood's candidate titles, asked by every client picking that mood. Cached briefly
 * (quarkus.cache.caffeine."mood-candidates") between the deadline and the retrying client, so only successes are kept.
 */
@ApplicationScoped
public class CachedCandidates {

    @Inject
    CatalogClient client;

    @CacheResult(cacheName = "mood-candidates")
    public Uni<List<CatalogTitle>> candidates(List<String> anyTag, List<String> formats, List<String> endings,
                                              List<String> streaming) {
        return client.candidates(anyTag, formats, endings, streaming);
    }
}
