package setsunai.common.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import java.util.List;
import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.HibernateValidatorConfiguration;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import setsunai.common.problem.Problem;

class NdjsonLinesTest {

    record Item(@NotBlank String slug, @NotBlank String title, @Max(10) Integer rank) {
    }

    // As the services configure it (VisibleNotBlank); no EL here, so the parameter interpolator fills in {value}.
    private static final ValidatorFactory FACTORY = factory();

    private static ValidatorFactory factory() {
        HibernateValidatorConfiguration configuration = Validation.byProvider(HibernateValidator.class).configure();
        new VisibleNotBlank().customize(configuration);
        return configuration.messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory();
    }
    private final Validator validator = FACTORY.getValidator();
    private final ObjectMapper mapper = StrictJsonTest.strict();

    @AfterAll
    static void close() {
        FACTORY.close();
    }

    private List<NdjsonLines.Line<Item>> read(String body) {
        return NdjsonLines.read(body, Item.class, mapper, validator);
    }

    @Test
    void goodLinesYieldValuesAndBlankLinesAreSkippedButCounted() {
        List<NdjsonLines.Line<Item>> lines = read("""
                {"slug":"a","title":"A"}

                \t
                {"slug":"b","title":"B","rank":2}\r
                """);
        assertEquals(2, lines.size());
        assertEquals(1, lines.get(0).number());
        assertEquals(4, lines.get(1).number());
        assertEquals(new Item("b", "B", 2), lines.get(1).value());
        assertTrue(lines.get(1).valid());
        assertEquals("b", lines.get(1).slug());
    }

    @Test
    void aRejectedLineKeepsItsSlugAndItsSortedErrorsAndHidesNoGoodLine() {
        List<NdjsonLines.Line<Item>> lines = read("{\"slug\":\"bad\",\"title\":\" \",\"rank\":11}\n{\"slug\":\"ok\",\"title\":\"T\"}");
        NdjsonLines.Line<Item> bad = lines.get(0);
        assertFalse(bad.valid());
        assertNull(bad.value());
        assertEquals("bad", bad.slug());
        assertEquals(List.of("rank", "title"), bad.errors().stream().map(Problem.FieldError::field).toList());
        assertTrue(lines.get(1).valid());
    }

    @Test
    void unreadableJsonIsItsLinesError() {
        List<NdjsonLines.Line<Item>> lines = read("{\"slug\":\"x\",\"title\":\"T\"}\n{not json\n{\"slug\":\"dup\",\"slug\":\"dup\"}");
        assertEquals(3, lines.size());
        NdjsonLines.Line<Item> broken = lines.get(1);
        assertEquals(2, broken.number());
        assertNull(broken.slug());
        assertEquals("body", broken.errors().get(0).field());
        assertEquals("slug", lines.get(2).errors().get(0).field());
    }

    @Test
    void aMappingErrorStillReportsTheSlug() {
        NdjsonLines.Line<Item> line = read("{\"slug\":\"typed\",\"title\":\"T\",\"rank\":\"high\"}").get(0);
        assertEquals("typed", line.slug());
        assertEquals("rank", line.errors().get(0).field());
    }

    @Test
    void aLineThatIsNotAnObjectIsRejected() {
        NdjsonLines.Line<Item> nullLine = read("null").get(0);
        assertEquals(List.of(new Problem.FieldError("", "the line must be a JSON object")), nullLine.errors());
        NdjsonLines.Line<Item> array = read("[1,2]").get(0);
        assertFalse(array.valid());
        assertNull(array.slug());
        NdjsonLines.Line<Item> number = read("42").get(0);
        assertFalse(number.valid());
    }

    @Test
    void notBlankMeansVisibleAsInTheServices() {
        NdjsonLines.Line<Item> line = read("{\"slug\":\"s\",\"title\":\"\\u3000\\u200B\\u00A0\"}").get(0);
        assertEquals(List.of("title"), line.errors().stream().map(Problem.FieldError::field).toList());
        assertTrue(read("{\"slug\":\"s\",\"title\":\"\\u3000切\"}").get(0).valid());
    }

    @Test
    void aNonTextSlugIsNotReported() {
        NdjsonLines.Line<Item> line = read("{\"slug\":7,\"title\":\"T\"}").get(0);
        assertNull(line.slug());
    }

    @Test
    void anEmptyOrAbsentBodyHasNoLines() {
        assertEquals(List.of(), read(null));
        assertEquals(List.of(), read(""));
        assertEquals(List.of(), read("\n\n  \n"));
    }

    @Test
    void aStreamReadInBatchesGivesTheLinesOfTheWholeBody() {
        StringBuilder body = new StringBuilder();
        for (int i = 1; i <= 23; i++) {
            body.append(i % 7 == 0 ? "\n" : i % 5 == 0 ? "{not json\r\n" : "{\"slug\":\"s" + i + "\",\"title\":\"T\"}\n");
        }
        body.append("{\"slug\":\"last\",\"title\":\"no newline at the end\"}");
        List<NdjsonLines.Line<Item>> whole = read(body.toString());
        NdjsonChunks<Item> stream = new NdjsonChunks<>(
                new java.io.ByteArrayInputStream(body.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                Item.class, mapper, validator);
        List<NdjsonLines.Line<Item>> batched = new java.util.ArrayList<>();
        for (List<NdjsonLines.Line<Item>> batch = stream.next(4); !batch.isEmpty(); batch = stream.next(4)) {
            assertTrue(batch.size() <= 4, "batch of " + batch.size());
            batched.addAll(batch);
        }
        assertEquals(whole, batched);
        assertEquals(24, batched.get(batched.size() - 1).number());
    }
}
