package setsunai.gateway.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import setsunai.gateway.api.Interpretation;

/** The real lexicon (feelings.json) on its own: no Quarkus, no HTTP. */
class FeelingsTest {

    static final Set<String> MOODS = configuredMoods();
    static final Feelings FEELINGS = new Feelings(Feelings.class.getResourceAsStream("/feelings.json"), MOODS);

    /** The moods of application.properties, so the lexicon is checked against the real configuration. */
    static Set<String> configuredMoods() {
        Properties properties = new Properties();
        try (InputStream in = Feelings.class.getResourceAsStream("/application.properties")) {
            properties.load(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        Set<String> moods = new TreeSet<>();
        properties.stringPropertyNames().stream().filter(k -> k.startsWith("setsunai.gateway.moods."))
                .forEach(k -> moods.add(k.split("\\.")[3]));
        return moods;
    }

    static String top(Interpretation read) {
        return read.moods().isEmpty() ? "none" : read.moods().get(0).name();
    }

    static List<String> names(Interpretation read) {
        return read.moods().stream().map(Interpretation.MoodRead::name).toList();
    }

    static Interpretation.MoodRead mood(Interpretation read, String name) {
        return read.moods().stream().filter(m -> m.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void negationCancelsACueAndCanFlipIt() {
        Interpretation read = FEELINGS.read("not sad anymore, ready to move on");
        assertEquals(List.of("healing"), names(read), read.toString());
        assertEquals(List.of("not sad"), read.negated());
        assertTrue(mood(read, "healing").matched().contains("move on"));

        assertEquals("heartbroken", top(FEELINGS.read("I'm not over him")));
        assertEquals("healing", top(FEELINGS.read("I'm over him")));
        assertEquals("healing", top(FEELINGS.read("i don't cry about it anymore")));
        assertEquals("healing", top(FEELINGS.read("no longer crying every night")));
        assertEquals(List.of("no longer crying"), FEELINGS.read("no longer crying every night").negated());
    }

    @Test
    void twoNegatorsCancelAndNegationStopsAtTheClause() {
        Interpretation cantStop = FEELINGS.read("my dog died and I can't stop crying");
        assertEquals("grieving", top(cantStop));
        assertEquals(List.of(), cantStop.negated(), "can't stop crying is crying");
        // the comma ends the clause: "not" does not reach "died"
        Interpretation clause = FEELINGS.read("I'm not okay, my dad died");
        assertEquals("grieving", top(clause));
        assertTrue(mood(clause, "grieving").matched().contains("died"));
        // outside the window of three words a negator is too far to count
        assertEquals("grieving", top(FEELINGS.read("never thought it would be this hard when my mom died")));
    }

    @Test
    void inflectionsMeetOneCue() {
        for (String form : List.of("dumped", "dumping", "dumps", "dump")) {
            Interpretation read = FEELINGS.read("she is " + form + " me");
            assertEquals("heartbroken", top(read), form);
            assertEquals(List.of(form), mood(read, "heartbroken").matched(), form);
        }
        assertEquals("grieving", top(FEELINGS.read("still mourning")));
        assertEquals("grieving", top(FEELINGS.read("he mourns his wife")));
        assertEquals("longing", top(FEELINGS.read("misssssing him sooo much")), "letters held down are shortened");
    }

    @Test
    void phrasesWinOverTheirWords() {
        assertTrue(mood(FEELINGS.read("my grandpa passed away"), "grieving").matched().contains("passed away"));
        assertEquals(List.of("broke up"), mood(FEELINGS.read("we broke up"), "heartbroken").matched());
        assertEquals(List.of("move on"), mood(FEELINGS.read("time to move on"), "healing").matched());
    }

    @Test
    void severalMoodsAtOnceAreWeighted() {
        Interpretation read = FEELINGS.read("she broke up with me and now she lives overseas, i miss her so much");
        assertEquals(List.of("longing", "heartbroken"), names(read), read.toString());
        double sum = read.moods().stream().mapToDouble(Interpretation.MoodRead::weight).sum();
        assertEquals(1.0, sum, 1e-9);
        // longing: overseas 3 + miss 2; heartbroken: broke up 3
        assertEquals(0.62, mood(read, "longing").weight(), 1e-9);
        assertEquals(0.38, mood(read, "heartbroken").weight(), 1e-9);
        assertEquals(List.of("broke up"), mood(read, "heartbroken").matched());
        assertTrue(mood(read, "longing").matched().containsAll(List.of("overseas", "miss")), read.toString());
    }

    @Test
    void theSpecsExamplesReadAsTheirNamesSay() {
        // the `feeling` examples of RecommendationResource, which Swagger UI's Try it out sends
        assertEquals(List.of("heartbroken"), names(FEELINGS.read("I just got dumped and can't stop thinking about her")));
        assertEquals(List.of("grieving"), names(FEELINGS.read("my grandfather died last week")));
        assertEquals(List.of("longing", "heartbroken"),
                names(FEELINGS.read("my girlfriend broke up with me and moved abroad, I miss her")));
        assertEquals(List.of("healing"), names(FEELINGS.read("not sad anymore, ready to move on")));
    }

    @Test
    void textThatFitsNoMoodReadsAsNone() {
        assertEquals(List.of(), FEELINGS.read("qwerty").moods());
        assertEquals(List.of(), FEELINGS.read("the weather is nice today").moods());
        assertEquals(List.of(), FEELINGS.read("12345").moods());
    }

    @Test
    void aLexiconNamingAnUnknownMoodFailsTheStart() {
        String json = """
                {"window": 3, "blendThreshold": 0.5, "negators": ["not"], "boundaries": [","],
                 "moods": {"elated": {"cues": {"yay": 1}, "negated": {}}}}""";
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> new Feelings(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), MOODS));
        assertTrue(e.getMessage().contains("unknown mood elated"), e.getMessage());
        assertFalse(MOODS.contains("elated"));
    }
}
