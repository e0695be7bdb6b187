package setsunai.gateway.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The playlist's choice between JSON (the default) and JSPF, by RFC 9110's rules for Accept. */
class NegotiationTest {

    static final List<String> OFFERED = List.of("application/json", "application/jspf+json");

    @Test
    void noHeaderOrAnyTypeGetsTheDefault() {
        for (String accept : new String[] {null, "", " ", "*/*", "application/*", "application/json, application/jspf+json",
                "application/jspf+json, application/json"}) {
            assertEquals("application/json", Negotiation.choose(accept, OFFERED), String.valueOf(accept));
        }
    }

    @Test
    void theHigherQualityWinsAndTheMostSpecificRangeDecidesIt() {
        assertEquals("application/jspf+json", Negotiation.choose("application/jspf+json", OFFERED));
        assertEquals("application/jspf+json", Negotiation.choose("Application/JSPF+JSON; charset=utf-8", OFFERED));
        assertEquals("application/jspf+json", Negotiation.choose("application/json;q=0.4, application/jspf+json;q=0.9", OFFERED));
        assertEquals("application/json", Negotiation.choose("application/jspf+json;q=0.5, application/json", OFFERED));
        // */* allows both, but application/json;q=0 is more specific: JSON is refused
        assertEquals("application/jspf+json", Negotiation.choose("application/json;q=0, */*", OFFERED));
        assertEquals("application/json", Negotiation.choose("text/plain, application/json;q=0.1", OFFERED));
    }

    @Test
    void aHeaderAllowingNeitherChoosesNothing() {
        for (String accept : List.of("application/xml", "text/html", "application/problem+json", "image/*",
                "application/json;q=0, application/jspf+json;q=0", "application/*;q=0")) {
            assertNull(Negotiation.choose(accept, OFFERED), accept);
        }
    }

    @Test
    void rangesThatCannotBeReadAreSkipped() {
        // nothing readable: as if there were no header
        for (String accept : List.of("a/b/c", ",,,", "*/*;q=abc", "\u00ff\u0000", "*/" + "x".repeat(300), "*/json")) {
            assertEquals("application/json", Negotiation.choose(accept, OFFERED), accept);
        }
        // the readable ones count
        assertEquals("application/jspf+json", Negotiation.choose("a/b/c, application/jspf+json", OFFERED));
        assertNull(Negotiation.choose("text/html;q=2, text/html", OFFERED));
    }
}
