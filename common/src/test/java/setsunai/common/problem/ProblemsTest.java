package setsunai.common.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ProblemsTest {

    @Test
    void aKnownStatusTakesItsReasonPhrase() {
        List<Problem.FieldError> errors = List.of(new Problem.FieldError("size", "must be at most 100"));
        assertEquals(new Problem("about:blank", "Bad Request", 400, "size: must be at most 100", "/api/titles", errors),
                Problems.problem(400, "size: must be at most 100", "/api/titles", errors));
        assertEquals("Not Found", Problems.problem(404, "no such title", null, List.of()).title());
        assertEquals("Service Unavailable", Problems.problem(503, "down", null, null).title());
    }

    @Test
    void statusesJaxRsDoesNotNameGetTheirRfcTitles() {
        assertEquals("Unprocessable Content", Problems.problem(422, "d", null, List.of()).title());
        assertEquals("Precondition Required", Problems.problem(428, "d", null, List.of()).title());
        assertEquals("Too Many Requests", Problems.problem(429, "d", null, List.of()).title());
        assertEquals("HTTP 499", Problems.problem(499, "d", null, List.of()).title());
    }

    @Test
    void invalidInputListsEveryFieldInItsMessage() {
        InvalidInputException e = new InvalidInputException(List.of(new Problem.FieldError("a", "x"),
                new Problem.FieldError("b", "y")));
        assertEquals("a: x; b: y", e.getMessage());
        assertEquals(List.of(new Problem.FieldError("q", "bad")), new InvalidInputException("q", "bad").errors());
    }
}
