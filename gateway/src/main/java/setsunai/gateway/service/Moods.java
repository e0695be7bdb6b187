package setsunai.gateway.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import setsunai.common.vocabulary.Ending;
import setsunai.common.vocabulary.SongMood;
import setsunai.gateway.api.MoodView;
import setsunai.gateway.config.GatewayConfig;

/**
 * The mood vocabulary, read once from configuration and checked at startup (a typo in an ending or a song mood
 * would otherwise silently match nothing). Being configuration, it needs no cache: it is built once.
 */
@ApplicationScoped
public class Moods {

    private static final Set<String> ENDINGS = names(Ending.values());
    private static final Set<String> SONG_MOODS = names(SongMood.values());

    private final Map<String, MoodDef> byName = new TreeMap<>();
    private final List<MoodView> views;

    @Inject
    public Moods(GatewayConfig config) {
        List<String> errors = new ArrayList<>();
        config.moods().forEach((name, mood) -> {
            mood.endings().keySet().stream().filter(e -> !ENDINGS.contains(e))
                    .forEach(e -> errors.add(name + ": unknown ending " + e + " (allowed: " + ENDINGS + ")"));
            mood.songMoods().stream().filter(m -> !SONG_MOODS.contains(m))
                    .forEach(m -> errors.add(name + ": unknown song mood " + m + " (allowed: " + SONG_MOODS + ")"));
            if (mood.tags().isEmpty()) {
                errors.add(name + ": needs at least one tag");
            }
            byName.put(name.toLowerCase(Locale.ROOT), new MoodDef(name.toLowerCase(Locale.ROOT), mood.description(),
                    heaviestFirst(mood.tags()), heaviestFirst(mood.endings()), List.copyOf(mood.songMoods())));
        });
        if (!errors.isEmpty() || byName.isEmpty()) {
            throw new IllegalStateException("Invalid setsunai.gateway.moods configuration: "
                    + (errors.isEmpty() ? "no moods" : String.join("; ", errors)));
        }
        views = byName.values().stream()
                .map(m -> new MoodView(m.name(), m.description(), m.tags(), m.endings(), m.songMoods()))
                .toList();
    }

    public List<MoodView> all() {
        return views;
    }

    /** The mood names, sorted. */
    public Set<String> names() {
        return java.util.Collections.unmodifiableSet(byName.keySet());
    }

    public Optional<MoodDef> find(String name) {
        return Optional.ofNullable(name == null ? null : byName.get(name.trim().toLowerCase(Locale.ROOT)));
    }


    /** What to tell a client who asked for a mood we do not know. */
    public String unknown(String name) {
        // echo a bounded prefix only: the value is whatever the caller sent
        String shown = name == null || name.length() <= 40 ? name : name.substring(0, 40) + "…";
        return (name == null || name.isBlank() ? "is required" : "unknown mood '" + shown + "'")
                + "; known moods: " + String.join(", ", byName.keySet());
    }

    private static Map<String, Integer> heaviestFirst(Map<String, Integer> weights) {
        Map<String, Integer> sorted = new LinkedHashMap<>();
        weights.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return sorted;
    }

    private static Set<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).collect(Collectors.toCollection(TreeSet::new));
    }
}
