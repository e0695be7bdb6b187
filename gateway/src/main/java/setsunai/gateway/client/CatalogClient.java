package setsunai.gateway.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The catalogue, with retries (idempotent GETs only, with jitter) and a circuit breaker per method.
 * A 404 is an absent title, not a failure; other 4xx are refusals, neither retried nor counted; a 503 is counted but
 * not retried (see {@link Downstream}).
 * Breaker and retry settings can be overridden with quarkus.fault-tolerance.* configuration.
 * Retry and breaker are declared once, on the class; MicroProfile Fault Tolerance still keeps one breaker per
 * method, so a failing batch call does not stop single lookups (override: quarkus.fault-tolerance."<class>".*).
 */
@Retry(maxRetries = 2, delay = 50, jitter = 25, abortOn = {DownstreamRejected.class, DownstreamUnavailable.class, CircuitBreakerOpenException.class})
@CircuitBreaker(requestVolumeThreshold = 6, failureRatio = 0.5, delay = 5000, skipOn = DownstreamRejected.class)
@ApplicationScoped
public class CatalogClient {

    /** The most items one call returns (the services' page size limit). */
    public static final int BATCH_SIZE = 100;

    @RestClient
    CatalogApi api;

    @Inject
    ObjectMapper mapper;

    public Uni<Optional<CatalogTitle>> title(String slug) {
        return Downstream.optional(api.title(slug));
    }

    public Uni<List<CatalogTitle>> titles(List<String> slugs) {
        if (slugs.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return Downstream.classify(api.titles(slugs, BATCH_SIZE).map(p -> Downstream.items(p, "catalog titles batch")));
    }

    /**
     * Titles by id (provider ids such as {@code mal:23273}, or {@code slug:anohana}), at most {@link #BATCH_SIZE} ids
     * a call, with the ids the catalogue does not know ({@code notFound}).
     */
    public Uni<TitleLookup> titlesByIds(List<String> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(TitleLookup.EMPTY);
        }
        return Downstream.classify(api.titlesByIds(ids, BATCH_SIZE));
    }

    /** How many pages of candidates a mood may take: all of today's catalogue fits in one. */
    public static final int MAX_CANDIDATE_PAGES = 5;

    /** Every title with one of the tags (one call per 100 of them): excluding some must leave the others to rank. */
    public Uni<List<CatalogTitle>> candidates(List<String> anyTag, List<String> formats, List<String> endings) {
        return Downstream.allPages(page -> api.search(anyTag, formats, endings, "-tearjerker", page == 1 ? null : page,
                BATCH_SIZE), MAX_CANDIDATE_PAGES, "catalog mood candidates");
    }

    public Uni<PageOf<CatalogTitle>> page(int page) {
        return Downstream.classify(api.page(page, BATCH_SIZE));
    }

    /** Titles similar to a slug; an unknown slug (404) has none. */
    public Uni<List<SimilarTitle>> similar(String slug, int size) {
        return Downstream.optional(api.similar(slug, size)).map(tree -> tree.map(this::similarOf).orElse(List.of()));
    }

    /** The catalogue's page of similar titles: each item is a title's own fields plus similarity and sharedTags. */
    private List<SimilarTitle> similarOf(JsonNode page) {
        List<SimilarTitle> similar = new ArrayList<>();
        for (JsonNode item : page.path("items")) {
            List<String> shared = new ArrayList<>();
            item.path("sharedTags").forEach(tag -> shared.add(tag.asText()));
            similar.add(new SimilarTitle(mapper.convertValue(item, CatalogTitle.class),
                    item.path("similarity").asDouble(0), shared));
        }
        return similar;
    }
}
