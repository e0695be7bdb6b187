package setsunai.common.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.http.HttpMethod;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import setsunai.common.problem.Problem;

/** Import tally, pages, ETags and rate-limit kinds: the pure parts of common/web. */
class SmallRulesTest {

    @Test
    void tallyCountsEachOutcomeAndKeepsRejectedLinesInOrder() {
        ImportReport.Tally tally = new ImportReport.Tally();
        tally.count(ImportReport.Outcome.CREATED);
        tally.count(ImportReport.Outcome.CREATED);
        tally.count(ImportReport.Outcome.UPDATED);
        tally.count(ImportReport.Outcome.UNCHANGED);
        tally.count(ImportReport.Outcome.CREATED);
        List<Problem.FieldError> errors = new ArrayList<>(List.of(new Problem.FieldError("title", "must not be blank")));
        tally.reject(2, "bad", errors);
        tally.reject(5, null, List.of());
        ImportReport report = tally.report();
        assertEquals(3, report.created());
        assertEquals(1, report.updated());
        assertEquals(1, report.unchanged());
        assertEquals(List.of(2, 5), report.rejected().stream().map(ImportReport.RejectedLine::line).toList());
        assertEquals("bad", report.rejected().get(0).slug());
        // The report is a snapshot: later lines do not change it.
        tally.reject(9, "later", List.of());
        assertEquals(2, report.rejected().size());
        assertThrows(UnsupportedOperationException.class, () -> report.rejected().add(null));
    }

    @Test
    void anEmptyTallyReportsZeros() {
        assertEquals(new ImportReport(0, 0, 0, List.of()), new ImportReport.Tally().report());
    }

    @Test
    void pageRequestOffset() {
        assertEquals(0, new PageRequest(1, 20).offset());
        assertEquals(40, new PageRequest(3, 20).offset());
    }

    @Test
    void pageCountsPagesAndHasAtLeastOne() {
        assertEquals(1, Page.of(List.of(), new PageRequest(1, 20), 0).totalPages());
        assertEquals(1, Page.of(List.of(), new PageRequest(1, 20), 20).totalPages());
        assertEquals(2, Page.of(List.of(), new PageRequest(1, 20), 21).totalPages());
        Page<Integer> page = Page.of(List.of(1, 2), new PageRequest(4, 2), 57);
        assertEquals(29, page.totalPages());
        assertEquals(new Page<>(List.of("1", "2"), 4, 2, 57, 29), page.map(String::valueOf));
    }

    @Test
    void etagChangesWithTheBodyAndIsStableForTheSameBody() {
        byte[] body = "{\"slug\":\"a\"}".getBytes(StandardCharsets.UTF_8);
        assertEquals(ETagFilter.hash(body), ETagFilter.hash(body.clone()));
        assertNotEquals(ETagFilter.hash(body), ETagFilter.hash("{\"slug\":\"b\"}".getBytes(StandardCharsets.UTF_8)));
        assertNotEquals(ETagFilter.hash(new byte[0]), ETagFilter.hash(new byte[1]));
        assertTrue(ETagFilter.hash(body).matches("[0-9a-f]{16}-[0-9a-f]+"), ETagFilter.hash(body));
    }

    @Test
    void ifNoneMatchComparesWeaklyAndReadsListsAndStar() {
        assertTrue(ETagFilter.matches("\"abc\"", "\"abc\""));
        assertTrue(ETagFilter.matches("W/\"abc\"", "\"abc\""));
        assertTrue(ETagFilter.matches("\"abc\"", "W/\"abc\""));
        assertTrue(ETagFilter.matches("\"x\", W/\"abc\"", "\"abc\""));
        assertTrue(ETagFilter.matches("*", "\"abc\""));
        assertFalse(ETagFilter.matches("\"abd\"", "\"abc\""));
        assertFalse(ETagFilter.matches(null, "\"abc\""));
        assertFalse(ETagFilter.matches("  ", "\"abc\""));
    }

    @Test
    void rateLimitKindOfARequest() {
        assertEquals(RateLimits.Kind.READ, RateLimits.kind(HttpMethod.GET, "/api/titles"));
        assertEquals(RateLimits.Kind.READ, RateLimits.kind(HttpMethod.HEAD, "/api/titles/a"));
        assertEquals(RateLimits.Kind.READ, RateLimits.kind(HttpMethod.OPTIONS, "/api/titles/import"));
        assertEquals(RateLimits.Kind.IMPORT, RateLimits.kind(HttpMethod.POST, "/api/titles/import"));
        assertEquals(RateLimits.Kind.WRITE, RateLimits.kind(HttpMethod.POST, "/api/titles"));
        assertEquals(RateLimits.Kind.WRITE, RateLimits.kind(HttpMethod.PUT, "/api/titles/import"));
        assertEquals(RateLimits.Kind.WRITE, RateLimits.kind(HttpMethod.DELETE, "/api/songs/a"));
    }
}
