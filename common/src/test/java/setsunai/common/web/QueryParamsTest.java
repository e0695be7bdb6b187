package setsunai.common.web;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import setsunai.common.problem.InvalidInputException;
import setsunai.common.problem.Problem;
import setsunai.common.vocabulary.Ending;

class QueryParamsTest {

    private static List<Problem.FieldError> errorsOf(QueryParams params) {
        return assertThrows(InvalidInputException.class, params::validate).errors();
    }

    @Test
    void noMistakesValidatesQuietly() {
        QueryParams params = new QueryParams();
        assertEquals(5, params.integer("size", " 5 ", 1, 100));
        assertDoesNotThrow(params::validate);
    }

    @Test
    void integerAcceptsItsBoundsAndRefusesBeyondThem() {
        QueryParams params = new QueryParams();
        assertEquals(1, params.integer("a", "1", 1, 100));
        assertEquals(100, params.integer("b", "100", 1, 100));
        assertNull(params.integer("c", "0", 1, 100));
        assertNull(params.integer("d", "101", 1, 100));
        List<Problem.FieldError> errors = errorsOf(params);
        assertEquals(List.of(new Problem.FieldError("c", "must be between 1 and 100, got 0"),
                new Problem.FieldError("d", "must be between 1 and 100, got 101")), errors);
    }

    @Test
    void integerRefusesWhatIsNotAWholeNumber() {
        QueryParams params = new QueryParams();
        assertNull(params.integer("size", "2.5", 1, 100));
        assertNull(params.integer("page", "99999999999", 1, 100));
        List<Problem.FieldError> errors = errorsOf(params);
        assertEquals(2, errors.size());
        assertEquals("must be a whole number, got '2.5'", errors.get(0).message());
        assertEquals("page", errors.get(1).field());
    }

    @Test
    void absentOrBlankIntegerTakesTheDefaultWithoutError() {
        QueryParams params = new QueryParams();
        assertNull(params.integer("x", null, 1, 10));
        assertEquals(7, params.integer("size", null, 1, 10, 7));
        assertEquals(7, params.integer("size", "  ", 1, 10, 7));
        assertEquals(3, params.integer("size", "3", 1, 10, 7));
        assertDoesNotThrow(params::validate);
    }

    @Test
    void aWrongIntegerFallsBackToTheDefaultButIsStillAnError() {
        QueryParams params = new QueryParams();
        assertEquals(7, params.integer("size", "500", 1, 10, 7));
        assertEquals("size", errorsOf(params).get(0).field());
    }

    @Test
    void pageDefaultsAndLimits() {
        QueryParams params = new QueryParams();
        assertEquals(new PageRequest(1, PageRequest.DEFAULT_SIZE), params.page(null, null));
        assertEquals(new PageRequest(3, 50), params.page("3", "50"));
        params.page("0", "101");
        List<String> fields = errorsOf(params).stream().map(Problem.FieldError::field).toList();
        assertEquals(List.of("page", "size"), fields);
    }

    @Test
    void enumValueIsCaseInsensitiveAndReadsDashesAsUnderscores() {
        QueryParams params = new QueryParams();
        assertEquals(Ending.BITTERSWEET, params.enumValue("ending", " bitterSweet ", Ending.class));
        assertNull(params.enumValue("ending", "", Ending.class));
        assertNull(params.enumValue("ending", null, Ending.class));
        assertEquals(Spacing.TWO_WORDS, params.enumValue("spacing", "two-words", Spacing.class));
        assertDoesNotThrow(params::validate);
    }

    enum Spacing { ONE, TWO_WORDS }

    @Test
    void unknownEnumValueNamesEveryAllowedValue() {
        QueryParams params = new QueryParams();
        assertNull(params.enumValue("ending", "happy-ish", Ending.class));
        Problem.FieldError error = errorsOf(params).get(0);
        assertEquals("ending", error.field());
        assertTrue(error.message().startsWith("unknown value 'happy-ish'; allowed values: "), error.message());
        for (Ending ending : Ending.values()) {
            assertTrue(error.message().contains(ending.name()), error.message());
        }
    }

    @Test
    void enumValuesDropsDuplicatesAndCollectsEachUnknownValue() {
        QueryParams params = new QueryParams();
        Ending[] all = Ending.values();
        List<String> raw = Arrays.asList(all[0].name(), all[0].name().toLowerCase(), "nope", "", "nah");
        assertEquals(List.of(all[0]), params.enumValues("ending", raw, Ending.class));
        assertEquals(List.of(), new QueryParams().enumValues("ending", null, Ending.class));
        assertEquals(2, errorsOf(params).size());
    }

    @Test
    void stringsTrimsDropsEmptiesAndDuplicates() {
        QueryParams params = new QueryParams();
        assertEquals(List.of("a", "b"), params.strings("tag", List.of(" a", "", "b ", "a", "  "), 2));
        assertEquals(List.of(), params.strings("tag", null, 2));
        assertDoesNotThrow(params::validate);
    }

    @Test
    void stringsBeyondTheMaximumIsAnError() {
        QueryParams params = new QueryParams();
        assertEquals(List.of(), params.strings("slug", List.of("a", "b", "c"), 2));
        assertEquals(new Problem.FieldError("slug", "at most 2 values are allowed, got 3"), errorsOf(params).get(0));
    }

    @Test
    void searchTextIsTrimmedAndBlankIsNoSearch() {
        QueryParams params = new QueryParams();
        assertEquals("your lie", params.searchText("q", "  your lie\u3000"));
        assertNull(params.searchText("q", null));
        assertNull(params.searchText("q", " \t "));
        assertEquals("切ない", params.searchText("q", "切ない"));
        assertEquals("7", params.searchText("q", "7"));
        assertDoesNotThrow(params::validate);
    }

    @Test
    void searchTextOfExactlyTheMaximumLengthAfterTrimmingIsAccepted() {
        QueryParams params = new QueryParams();
        String longest = "a".repeat(QueryParams.MAX_SEARCH_LENGTH);
        assertEquals(longest, params.searchText("q", "   " + longest + "   "));
        assertDoesNotThrow(params::validate);
    }

    @Test
    void searchTextLongerThanTheMaximumIsAnError() {
        QueryParams params = new QueryParams();
        assertNull(params.searchText("q", "a".repeat(QueryParams.MAX_SEARCH_LENGTH + 1)));
        Problem.FieldError error = errorsOf(params).get(0);
        assertEquals("q", error.field());
        assertEquals("must be at most 200 characters, got 201", error.message());
    }

    @Test
    void searchTextWithoutLetterOrDigitIsAnError() {
        QueryParams params = new QueryParams();
        assertNull(params.searchText("q", " %_*! "));
        Problem.FieldError error = errorsOf(params).get(0);
        assertEquals("must contain at least one letter or digit, got '%_*!'", error.message());
    }

    @Test
    void oneValidateListsEveryMistakeInOrder() {
        QueryParams params = new QueryParams();
        params.integer("size", "x", 1, 10);
        params.searchText("q", "!!");
        params.error("sort", "unknown sort");
        List<String> fields = errorsOf(params).stream().map(Problem.FieldError::field).toList();
        assertEquals(List.of("size", "q", "sort"), fields);
    }
}
