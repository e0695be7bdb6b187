package setsunai.gateway.service;

import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import io.quarkus.cache.CaffeineCache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.eclipse.microprofile.faulttolerance.Bulkhead;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.jboss.logging.Logger;
import setsunai.gateway.client.CatalogClient;
import setsunai.gateway.client.CatalogTitle;
import setsunai.gateway.client.PageOf;
import setsunai.gateway.client.SimilarTitle;
import setsunai.gateway.client.TitleLookup;

/**
 * The composing side's view of the catalogue: every call has a deadline (@Timeout, retries included) and a
 * fallback that turns any failure into a named {@link Degradation}; the caller decides whether that is fatal.
 */
@ApplicationScoped
public class CatalogSource {

    static final String SERVICE = "catalog";
    private static final Logger LOG = Logger.getLogger(CatalogSource.class);

    @Inject
    CatalogClient client;

    @Inject
    CachedCandidates cachedCandidates;

    @Inject
    @CacheName("title-ids")
    Cache titleIds;

    @Timeout(800)
    @Fallback(fallbackMethod = "titleFailed")
    public Uni<Fetched<Optional<CatalogTitle>>> title(String slug) {
        return client.title(slug).map(Fetched::ok);
    }

    @Timeout(800)
    @Fallback(fallbackMethod = "titlesFailed")
    public Uni<Fetched<List<CatalogTitle>>> titles(List<String> slugs) {
        return client.titles(slugs).map(Fetched::ok);
    }

    /**
     * The titles that ids name ({@code mal:23273}, {@code slug:anohana}) and the ids naming none, in the order given:
     * one call per {@link CatalogClient#BATCH_SIZE} ids, in parallel, under one deadline.
     */
    @Timeout(800)
    @Fallback(fallbackMethod = "titlesByIdsFailed")
    public Uni<Fetched<TitleLookup>> titlesByIds(List<String> ids) {
        return lookUp(ids).map(Fetched::ok);
    }

    /**
     * For each id (as {@link #titlesByIds} takes it), the slugs of the titles it names; empty when it names none.
     * Every request with {@code exclude} asks this, mostly for the same values, so each id's answer is kept a while
     * (quarkus.cache.caffeine."title-ids"): only the ids not kept are looked up, and none when all are. Only answers
     * are kept, never a failure, so a catalogue back up is asked again at once.
     */
    @Timeout(800)
    @Fallback(fallbackMethod = "slugsNamedFailed")
    public Uni<Fetched<Map<String, Set<String>>>> slugsNamed(List<String> ids) {
        CaffeineCache cache = titleIds.as(CaffeineCache.class);
        Map<String, Set<String>> named = new HashMap<>();
        List<String> missing = new ArrayList<>();
        for (String id : new LinkedHashSet<>(ids)) {
            CompletableFuture<Set<String>> kept = cache.getIfPresent(id);
            if (kept != null && kept.isDone() && !kept.isCompletedExceptionally()) {
                named.put(id, kept.join());
            } else {
                missing.add(id);
            }
        }
        if (missing.isEmpty()) {
            return Uni.createFrom().item(Fetched.ok(named));
        }
        return lookUp(missing).map(lookup -> {
            Map<String, Set<String>> found = Exclusions.slugsNamed(missing, lookup);
            found.forEach((id, slugs) -> cache.put(id, CompletableFuture.completedFuture(slugs)));
            named.putAll(found);
            return Fetched.ok(named);
        });
    }

    private Uni<TitleLookup> lookUp(List<String> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(TitleLookup.EMPTY);
        }
        List<Uni<TitleLookup>> calls = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += CatalogClient.BATCH_SIZE) {
            calls.add(client.titlesByIds(ids.subList(from, Math.min(from + CatalogClient.BATCH_SIZE, ids.size()))));
        }
        return Uni.join().all(calls).andFailFast().map(parts -> {
            Map<String, CatalogTitle> bySlug = new LinkedHashMap<>();
            List<String> notFound = new ArrayList<>();
            for (TitleLookup part : parts) {
                // a catalogue without the id lookup ignores `id` and answers some page of titles: nothing was looked
                // up, and taking those titles for matches would be wrong (thrown here, outside the client's breaker)
                if (part.notFound() == null) {
                    throw new IllegalStateException("answered GET /api/titles?id= without notFound, so it has no "
                            + "lookup by id");
                }
                part.itemsOrEmpty().forEach(t -> bySlug.putIfAbsent(t.slug(), t));
                notFound.addAll(part.notFound());
            }
            return new TitleLookup(List.copyOf(bySlug.values()), bySlug.size(), List.copyOf(notFound));
        });
    }

    @Timeout(800)
    @Fallback(fallbackMethod = "candidatesFailed")
    public Uni<Fetched<List<CatalogTitle>>> candidates(List<String> anyTag, List<String> formats, List<String> endings,
                                                       List<String> streaming) {
        return cachedCandidates.candidates(anyTag, formats, endings, streaming).map(Fetched::ok);
    }

    // Similar titles are the costliest catalogue call and only a secondary part of an answer: past this many calls
    // in flight (and queued), further ones degrade at once instead of piling up on the catalogue.
    @Bulkhead(value = 8, waitingTaskQueue = 16)
    @Timeout(800)
    @Fallback(fallbackMethod = "similarFailed")
    public Uni<Fetched<List<SimilarTitle>>> similar(String slug, int size) {
        return client.similar(slug, size).map(Fetched::ok);
    }

    @Timeout(800)
    @Fallback(fallbackMethod = "pageFailed")
    public Uni<Fetched<PageOf<CatalogTitle>>> page(int page) {
        return client.page(page).map(Fetched::ok);
    }

    Uni<Fetched<Optional<CatalogTitle>>> titleFailed(String slug, Throwable e) {
        return failed(e, Optional.empty());
    }

    Uni<Fetched<List<CatalogTitle>>> titlesFailed(List<String> slugs, Throwable e) {
        return failed(e, List.of());
    }

    Uni<Fetched<TitleLookup>> titlesByIdsFailed(List<String> ids, Throwable e) {
        return failed(e, TitleLookup.EMPTY);
    }

    Uni<Fetched<Map<String, Set<String>>>> slugsNamedFailed(List<String> ids, Throwable e) {
        return failed(e, Map.of());
    }

    Uni<Fetched<List<CatalogTitle>>> candidatesFailed(List<String> anyTag, List<String> formats, List<String> endings,
                                                      List<String> streaming, Throwable e) {
        return failed(e, List.of());
    }

    Uni<Fetched<List<SimilarTitle>>> similarFailed(String slug, int size, Throwable e) {
        return failed(e, List.of());
    }

    Uni<Fetched<PageOf<CatalogTitle>>> pageFailed(int page, Throwable e) {
        return failed(e, null);
    }

    private static <T> Uni<Fetched<T>> failed(Throwable e, T empty) {
        LOG.warnf("catalog-service call failed: %s", e.toString());
        return Uni.createFrom().item(Fetched.failed(SERVICE, e, empty));
    }
}
