package setsunai.gateway.service;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tartarus.snowball.ext.EnglishStemmer;
import setsunai.gateway.api.Interpretation;

/**
 * Reads a person's own words as moods, from the weighted lexicon in {@code feelings.json} (loaded once at startup;
 * a cue for a mood that is not configured fails the start). Nothing leaves the process. How a text is read:
 * <ol>
 * <li>words are lower-cased, runs of three or more letters shortened ("sooo" → "soo", "misssss" → "miss") and
 * stemmed with the Snowball English stemmer, as the cues were, so "dumped", "dumping", "dumps" all meet "dump";</li>
 * <li>cues are matched longest first, so "broke up" and "passed away" win over their single words;</li>
 * <li>a cue with an odd number of negators ("not", "never", "n't", "no longer", "stop", …) in the {@code window}
 * words before it, within its clause (punctuation and "but" end a clause), is negated: it counts only for the
 * moods its {@code negated} entries give ("not over him" → heartbroken, "not sad anymore" → healing), and is
 * listed in {@code negated}. Two negators cancel ("can't stop crying");</li>
 * <li>each mood's points are added up; moods under {@code blendThreshold} of the strongest one's points are
 * dropped and the rest normalised to weights that add up to 1.</li>
 * </ol>
 */
@ApplicationScoped
@Startup
public class Feelings {

    /** Words with their inner apostrophes ("don't"), or a clause-ending punctuation mark. */
    private static final Pattern TOKEN = Pattern.compile("\\p{L}+(?:'\\p{L}+)*|[.,;:!?()]");
    private static final Pattern RUN_OF_THREE = Pattern.compile("(\\p{L})\\1{2,}");

    /** The lexicon file as written. */
    record Lexicon(@JsonProperty("_comment") String comment, int window, double blendThreshold, List<String> negators, List<String> boundaries,
                   Map<String, MoodCues> moods) {
    }

    record MoodCues(Map<String, Double> cues, Map<String, Double> negated) {
    }

    /** A matched cue's points for each mood, plain and negated. */
    private record Cue(Map<String, Double> plain, Map<String, Double> negated) {
    }

    private final int window;
    private final double blendThreshold;
    private final Set<String> negators = new HashSet<>();
    private final Set<String> boundaries = new HashSet<>();
    private final Map<String, Cue> cues = new HashMap<>();
    /** The first word of every cue and negator. */
    private final Set<String> firstWords = new HashSet<>();
    private final int longestCue;
    private final int longestNegator;
    private final int size;

    @Inject
    public Feelings(Moods moods) {
        this(Feelings.class.getResourceAsStream("/feelings.json"), moods.names());
    }

    /** Reads the lexicon; every mood it names must be one of {@code knownMoods}. */
    public Feelings(InputStream json, Set<String> knownMoods) {
        Lexicon lexicon;
        try (json) {
            if (json == null) {
                throw new IllegalStateException("feelings.json is missing from the classpath");
            }
            lexicon = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .readValue(json, Lexicon.class);
        } catch (IOException e) {
            throw new UncheckedIOException("feelings.json cannot be read", e);
        }
        List<String> errors = new ArrayList<>();
        if (lexicon.window() < 1 || lexicon.blendThreshold() <= 0 || lexicon.blendThreshold() > 1) {
            errors.add("window must be at least 1 and blendThreshold in (0, 1]");
        }
        window = lexicon.window();
        blendThreshold = lexicon.blendThreshold();
        lexicon.negators().forEach(n -> negators.add(key(n)));
        lexicon.boundaries().forEach(b -> boundaries.add(key(b)));
        lexicon.moods().forEach((mood, moodCues) -> {
            if (!knownMoods.contains(mood)) {
                errors.add("unknown mood " + mood + " (configured: " + knownMoods + ")");
            }
            add(mood, moodCues.cues(), false, errors);
            add(mood, moodCues.negated(), true, errors);
        });
        if (!errors.isEmpty()) {
            throw new IllegalStateException("Invalid feelings.json: " + String.join("; ", errors));
        }
        longestCue = cues.keySet().stream().mapToInt(k -> k.split(" ").length).max().orElse(1);
        longestNegator = negators.stream().mapToInt(k -> k.split(" ").length).max().orElse(1);
        size = cues.size();
        cues.keySet().forEach(k -> firstWords.add(k.split(" ")[0]));
        negators.forEach(k -> firstWords.add(k.split(" ")[0]));
    }

    private void add(String mood, Map<String, Double> weights, boolean negated, List<String> errors) {
        if (weights == null) {
            return;
        }
        weights.forEach((cue, points) -> {
            if (points == null || points <= 0) {
                errors.add(mood + ": cue '" + cue + "' needs positive points");
                return;
            }
            Cue entry = cues.computeIfAbsent(key(cue), k -> new Cue(new TreeMap<>(), new TreeMap<>()));
            // two spellings of one cue ("hope", "hopeful") meet once stemmed: the stronger counts, not their sum
            (negated ? entry.negated() : entry.plain()).merge(mood, points, Math::max);
        });
    }

    /** How many distinct cues (stemmed words and phrases) the lexicon has. */
    public int size() {
        return size;
    }

    /** The moods the text reads as, strongest first; none when it fits no mood. */
    public Interpretation read(String text) {
        List<String> written = new ArrayList<>();
        List<String> stems = new ArrayList<>();
        Matcher m = TOKEN.matcher(text.toLowerCase(Locale.ROOT).replace('\u2019', '\''));
        while (m.find()) {
            written.add(m.group());
            stems.add(stem(m.group()));
        }

        Map<String, Double> points = new TreeMap<>();
        Map<String, Set<String>> matched = new HashMap<>();
        Set<String> negatedCues = new LinkedHashSet<>();
        String[] negatorAt = new String[stems.size()]; // the negator as written, at its last word
        for (int i = 0; i < stems.size(); ) {
            int cueLength = longestMatch(cues.keySet(), stems, i, longestCue);
            if (cueLength > 0) {
                Cue cue = cues.get(String.join(" ", stems.subList(i, i + cueLength)));
                String negator = negatorBefore(stems, negatorAt, i);
                String words = (negator == null ? "" : negator + " ") + String.join(" ", written.subList(i, i + cueLength));
                if (negator != null) {
                    negatedCues.add(words);
                }
                (negator != null ? cue.negated() : cue.plain()).forEach((mood, p) -> {
                    points.merge(mood, p, Double::sum);
                    matched.computeIfAbsent(mood, k -> new LinkedHashSet<>()).add(words);
                });
                i += cueLength;
                continue;
            }
            int negatorLength = longestMatch(negators, stems, i, longestNegator);
            if (negatorLength > 0) {
                negatorAt[i + negatorLength - 1] = String.join(" ", written.subList(i, i + negatorLength));
                i += negatorLength;
            } else {
                i++;
            }
        }
        return interpretation(points, matched, negatedCues);
    }

    private Interpretation interpretation(Map<String, Double> points, Map<String, Set<String>> matched,
                                          Set<String> negatedCues) {
        double strongest = points.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
        Map<String, Double> kept = new LinkedHashMap<>();
        points.entrySet().stream()
                .filter(e -> e.getValue() >= blendThreshold * strongest)
                .sorted(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> kept.put(e.getKey(), e.getValue()));
        double total = kept.values().stream().mapToDouble(Double::doubleValue).sum();
        List<Interpretation.MoodRead> moods = new ArrayList<>();
        double others = 0;
        for (Map.Entry<String, Double> e : kept.entrySet()) {
            // two decimals each; the strongest takes what rounding left, so the weights add up to exactly 1
            double weight = moods.isEmpty() ? 0 : Math.round(e.getValue() / total * 100) / 100.0;
            others += weight;
            moods.add(new Interpretation.MoodRead(e.getKey(), weight, List.copyOf(matched.get(e.getKey()))));
        }
        if (!moods.isEmpty()) {
            Interpretation.MoodRead first = moods.get(0);
            moods.set(0, new Interpretation.MoodRead(first.name(), Math.round((1 - others) * 100) / 100.0, first.matched()));
        }
        return new Interpretation(List.copyOf(moods), List.copyOf(negatedCues));
    }

    /** The number of words of the longest entry of {@code phrases} starting at {@code from}; 0 when none does. */
    private int longestMatch(Set<String> phrases, List<String> stems, int from, int longest) {
        if (!firstWords.contains(stems.get(from))) {
            return 0; // most words start no cue and no negator: spare them the joins
        }
        for (int length = Math.min(longest, stems.size() - from); length > 0; length--) {
            if (phrases.contains(String.join(" ", stems.subList(from, from + length)))) {
                return length;
            }
        }
        return 0;
    }

    /**
     * When an odd number of negators stand within the window before {@code at}, in the same clause, the nearest of
     * them as written (for the explanation); otherwise null.
     */
    private String negatorBefore(List<String> stems, String[] negatorAt, int at) {
        int count = 0;
        String nearest = null;
        for (int j = at - 1; j >= Math.max(0, at - window); j--) {
            if (boundaries.contains(stems.get(j))) {
                break;
            }
            if (negatorAt[j] != null) {
                count++;
                nearest = nearest == null ? negatorAt[j] : nearest;
            }
        }
        return count % 2 == 1 ? nearest : null;
    }

    /** The lexicon's form of a cue or negator: its words stemmed like the text's. */
    private static String key(String phrase) {
        Matcher m = TOKEN.matcher(phrase.toLowerCase(Locale.ROOT).replace('\u2019', '\''));
        List<String> words = new ArrayList<>();
        while (m.find()) {
            words.add(stem(m.group()));
        }
        return String.join(" ", words);
    }

    static String stem(String word) {
        if (!Character.isLetter(word.charAt(0))) {
            return word; // punctuation stays as it is: it ends a clause
        }
        String shortened = RUN_OF_THREE.matcher(word.endsWith("'s") ? word.substring(0, word.length() - 2) : word)
                .replaceAll("$1$1");
        EnglishStemmer stemmer = new EnglishStemmer(); // not thread-safe, and cheap to make
        stemmer.setCurrent(shortened);
        stemmer.stem();
        return stemmer.getCurrent();
    }
}
