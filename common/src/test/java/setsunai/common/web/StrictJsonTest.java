package setsunai.common.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import setsunai.common.problem.JsonErrors;
import setsunai.common.problem.Problem;

/** The strict reading every service's ObjectMapper gets, and the field errors {@link JsonErrors} makes of it. */
class StrictJsonTest {

    record Usage(String role, Integer sequence) {
    }

    record Doc(String title, List<String> tags, List<Usage> usages, Map<String, Object> externalIds) {
    }

    private final ObjectMapper mapper = strict();

    static ObjectMapper strict() {
        ObjectMapper mapper = new ObjectMapper();
        new StrictJson().customize(mapper);
        return mapper;
    }

    private Problem.FieldError errorOf(String json) {
        return JsonErrors.of(assertThrows(JsonProcessingException.class, () -> mapper.readValue(json, Doc.class)));
    }

    @Test
    void readsAnOrdinaryDocument() throws JsonProcessingException {
        Doc doc = mapper.readValue("""
                {"title":"A\\ttitle\\nwith lines","tags":["x"],"usages":[{"role":"OP","sequence":1}],
                 "externalIds":{"anilist":123,"mal":"x","nested":{"k":["v"]}}}""", Doc.class);
        assertEquals("A\ttitle\nwith lines", doc.title());
        assertEquals(List.of(new Usage("OP", 1)), doc.usages());
        assertEquals(123, doc.externalIds().get("anilist"));
    }

    @Test
    void aKeyGivenTwiceIsNamed() {
        assertEquals(new Problem.FieldError("title", "is given more than once; send each key once"),
                errorOf("{\"title\":\"a\",\"title\":\"b\"}"));
    }

    @Test
    void aNestedDuplicateKeyIsNamedWhereItSits() {
        assertEquals("usages[1].role",
                errorOf("{\"usages\":[{\"role\":\"OP\"},{\"role\":\"ED\",\"role\":\"OP\"}]}").field());
    }

    @Test
    void nestingUpToTheLimitIsRead() throws JsonProcessingException {
        String depth32 = "[".repeat(StrictJson.MAX_NESTING_DEPTH) + "]".repeat(StrictJson.MAX_NESTING_DEPTH);
        assertTrue(mapper.readTree(depth32).isArray());
    }

    @Test
    void nestingBeyondTheLimitIsRefused() {
        String depth33 = "{\"externalIds\":{\"a\":" + "[".repeat(StrictJson.MAX_NESTING_DEPTH)
                + "]".repeat(StrictJson.MAX_NESTING_DEPTH) + "}}";
        Problem.FieldError error = errorOf(depth33);
        assertTrue(error.message().startsWith("is nested too deeply"), error.message());
    }

    @Test
    void aControlCharacterInAStringIsRefusedWithItsField() {
        Problem.FieldError error = errorOf("{\"title\":\"a\\u0000b\"}");
        assertEquals(new Problem.FieldError("title", "must not contain control characters, found U+0000"), error);
        assertEquals("tags[1]", errorOf("{\"tags\":[\"ok\",\"esc\\u001b\"]}").field());
        assertEquals("usages[0].role", errorOf("{\"usages\":[{\"role\":\"\\u007f\"}]}").field());
    }

    @Test
    void controlCharactersInsideFreeFormValuesAreRefusedToo() {
        assertTrue(errorOf("{\"externalIds\":{\"a\":[\"x\\u0001\"]}}").message().contains("U+0001"));
        Problem.FieldError key = errorOf("{\"externalIds\":{\"k\\tey\":1}}");
        assertTrue(key.message().startsWith("keys must not contain control characters"), key.message());
    }

    @Test
    void aWrongTypeSaysWhatWasExpectedWithoutNamingOurClasses() {
        Problem.FieldError error = errorOf("{\"tags\":\"not a list\"}");
        assertEquals("tags", error.field());
        assertEquals("must be a list", error.message());
        assertEquals(new Problem.FieldError("usages[0].sequence", "must be a number"),
                errorOf("{\"usages\":[{\"sequence\":\"one\"}]}"));
    }

    @Test
    void anEmptyStringIsNoNumber() {
        // Jackson reads "" as null for a number by default: an import line with "episodes": "" was stored (fuzz).
        assertEquals(new Problem.FieldError("usages[0].sequence", "must be a number"),
                errorOf("{\"usages\":[{\"sequence\":\"\"}]}"));
    }

    @Test
    void brokenJsonIsABodyError() {
        Problem.FieldError error = errorOf("{\"title\": ");
        assertEquals("body", error.field());
        assertTrue(error.message().startsWith("is not valid JSON"), error.message());
        assertTrue(!error.message().contains("Source:"), error.message());
    }
}
