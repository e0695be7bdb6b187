package setsunai.gateway.client;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import org.jboss.logging.Logger;

/**
 * What the thin client beans do to every answer, so that fault tolerance sees only what says something about the
 * service's health: 404 means absent; other 4xx become {@link DownstreamRejected} (neither retried nor counted by a
 * breaker); 503 becomes {@link DownstreamUnavailable} (counted, not retried); other 5xx, timeouts and connection
 * failures stay failures (counted and retried).
 */
final class Downstream {

    private static final Logger LOG = Logger.getLogger(Downstream.class);

    private Downstream() {
    }

    static int status(Throwable e) {
        return e instanceof WebApplicationException w && w.getResponse() != null ? w.getResponse().getStatus() : -1;
    }

    /** A 404 is an absent resource, not a failure: it must neither be retried nor open the breaker. */
    static <T> Uni<Optional<T>> optional(Uni<T> call) {
        return classify(call.map(Optional::ofNullable)
                .onFailure(e -> status(e) == 404).recoverWithItem(Optional.empty()));
    }

    /** The items of a batched call; one call is one page, so say so in the log when the batch did not fit in it. */
    static <T> List<T> items(PageOf<T> page, String what) {
        List<T> items = page.itemsOrEmpty();
        if (page.totalItems() > items.size()) {
            LOG.warnf("%s: the batch matched %d items, one call returns %d; the rest are left out", what,
                    page.totalItems(), items.size());
        }
        return items;
    }

    /**
     * Every page of a list, up to {@code maxPages} calls: the first says how many pages there are, the others are then
     * asked in parallel. {@code pageCall} gets null for the first page, so a list that fits one page is asked as before.
     */
    static <T> Uni<List<T>> allPages(IntFunction<Uni<PageOf<T>>> pageCall, int maxPages, String what) {
        return classify(pageCall.apply(1)).chain(first -> {
            int pages = Math.min(first.totalPages(), maxPages);
            if (pages <= 1) {
                return Uni.createFrom().item(items(first, what));
            }
            if (first.totalPages() > maxPages) {
                LOG.warnf("%s: %d items in %d pages; only the first %d pages are read", what, first.totalItems(),
                        first.totalPages(), maxPages);
            }
            List<Uni<PageOf<T>>> rest = IntStream.rangeClosed(2, pages).mapToObj(p -> classify(pageCall.apply(p))).toList();
            return Uni.join().all(rest).andFailFast().map(more -> {
                List<T> all = new ArrayList<>(first.itemsOrEmpty());
                more.forEach(page -> all.addAll(page.itemsOrEmpty()));
                return all;
            });
        });
    }

    static <T> Uni<T> classify(Uni<T> call) {
        return call.onFailure(e -> status(e) >= 400 && status(e) < 500)
                .transform(e -> new DownstreamRejected(status(e), retryAfter(e), e))
                .onFailure(e -> status(e) == 503)
                .transform(e -> new DownstreamUnavailable(retryAfter(e), e));
    }

    /** The answer's Retry-After in seconds; null when absent or an HTTP date (the gateway then uses its own). */
    static Long retryAfter(Throwable e) {
        String value = ((WebApplicationException) e).getResponse().getHeaderString(HttpHeaders.RETRY_AFTER);
        if (value == null || !value.trim().matches("\\d{1,6}")) {
            return null;
        }
        return Long.parseLong(value.trim());
    }
}
