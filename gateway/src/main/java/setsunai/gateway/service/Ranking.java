package setsunai.gateway.service;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import setsunai.gateway.api.Recommendations;
import setsunai.gateway.api.SongPick;
import setsunai.gateway.api.TitleSummary;
import setsunai.gateway.client.CatalogTitle;
import setsunai.gateway.client.SongsSong;

/**
 * The recommendation score, kept free of I/O so it can be read, tested and explained on its own:
 * <pre>score = sum of matched tag weights + ending weight + tearjerkerWeight * tearjerker + (songBonus if a song fits)</pre>
 * Every point comes with a sentence in {@code reasons}. Ties go to the harder-hitting title, then to the slug.
 */
public final class Ranking {

    /** Best first; the order never depends on the order the services answered in. */
    static final Comparator<Recommendations.Item> BEST_FIRST = Comparator
            .comparingDouble(Recommendations.Item::score).reversed()
            .thenComparing(i -> -nullToZero(i.title().tearjerker()))
            .thenComparing(i -> i.title().slug());

    private Ranking() {
    }

    /** The points a title earns from the catalogue alone (tags, ending, tearjerker), used to pick whose songs to fetch. */
    static double titleScore(CatalogTitle title, MoodDef mood, double tearjerkerWeight) {
        double score = tearjerkerWeight * title.tearjerker() + mood.endings().getOrDefault(title.ending(), 0);
        for (String tag : tagsOf(title)) {
            score += mood.tags().getOrDefault(tag, 0);
        }
        return score;
    }

    static boolean matchesAnyTag(CatalogTitle title, MoodDef mood) {
        return tagsOf(title).stream().anyMatch(mood.tags()::containsKey);
    }

    /**
     * Scores one title with its songs. {@code picks} are the title's songs (empty when unknown); the song bonus
     * needs a song whose moods fit the mood.
     */
    static Recommendations.Item score(CatalogTitle title, MoodDef mood, List<SongPick> picks, double tearjerkerWeight,
                                      double songBonus) {
        List<String> reasons = new ArrayList<>();
        double score = 0;

        List<String> matched = mood.tags().keySet().stream().filter(tagsOf(title)::contains).toList();
        if (!matched.isEmpty()) {
            int tagPoints = matched.stream().mapToInt(mood.tags()::get).sum();
            score += tagPoints;
            reasons.add("Its themes fit " + mood.name() + ": " + matched.stream()
                    .map(tag -> tag + " (+" + mood.tags().get(tag) + ")").collect(Collectors.joining(", ")) + ".");
        }

        int endingPoints = mood.endings().getOrDefault(title.ending(), 0);
        if (endingPoints > 0) {
            score += endingPoints;
            reasons.add("Its " + title.ending().toLowerCase(Locale.ROOT) + " ending fits " + mood.name()
                    + " (+" + endingPoints + ").");
        }

        double tearPoints = tearjerkerWeight * title.tearjerker();
        if (tearPoints > 0) {
            score += tearPoints;
            reasons.add((title.tearjerker() >= 8 ? "It hits hard: tearjerker " : "Tearjerker ") + title.tearjerker()
                    + " of 10 (+" + format(tearPoints) + ").");
        }

        List<SongPick> fitting = picks.stream().filter(SongPick::fitsMood).toList();
        if (!fitting.isEmpty()) {
            score += songBonus;
            String names = fitting.stream().limit(3)
                    .map(p -> "\u201c" + p.title() + "\u201d (" + String.join(", ", p.moods()) + ")")
                    .collect(Collectors.joining(", "));
            reasons.add("Songs in it fit " + mood.name() + ": " + names
                    + (fitting.size() > 3 ? " and " + (fitting.size() - 3) + " more" : "") + " (+" + format(songBonus) + ").");
        }

        return new Recommendations.Item(TitleSummary.of(title), round(score), reasons, shown(picks));
    }

    /** Its theme songs and every song used in it that fits the mood; fitting ones first. */
    private static List<SongPick> shown(List<SongPick> picks) {
        return picks.stream().filter(p -> p.fitsMood() || SongPicks.isTheme(p))
                .sorted(Comparator.comparing((SongPick p) -> !p.fitsMood()).thenComparing(SongPicks.LEADING))
                .toList();
    }

    /** {@link #titleScore} for several moods at once: each mood's, weighted (the weights add up to 1). */
    static double titleScore(CatalogTitle title, Map<MoodDef, Double> blend, double tearjerkerWeight) {
        return blend.entrySet().stream()
                .mapToDouble(e -> e.getValue() * titleScore(title, e.getKey(), tearjerkerWeight)).sum();
    }

    static boolean matchesAnyTag(CatalogTitle title, Map<MoodDef, Double> blend) {
        return blend.keySet().stream().anyMatch(mood -> matchesAnyTag(title, mood));
    }

    /**
     * Scores one title for a blend of moods (a feeling read as several): the weighted sum of its score for each
     * mood, every mood's reasons (the tearjerker sentence once: its points are the same for every mood, and the
     * weights add up to 1), and a first reason showing the sum. A song fits when it fits any of the moods.
     * One mood is scored exactly as {@link #score(CatalogTitle, MoodDef, List, double, double)}.
     */
    static Recommendations.Item score(CatalogTitle title, Map<MoodDef, Double> blend, List<SongsSong> songs,
                                      double tearjerkerWeight, double songBonus) {
        if (blend.size() == 1) {
            MoodDef mood = blend.keySet().iterator().next();
            return score(title, mood, SongPicks.of(songs, title.slug(), mood), tearjerkerWeight, songBonus);
        }
        double score = 0;
        List<String> terms = new ArrayList<>();
        Set<String> reasons = new LinkedHashSet<>();
        Set<String> songMoods = new LinkedHashSet<>();
        for (Map.Entry<MoodDef, Double> e : blend.entrySet()) {
            Recommendations.Item byMood = score(title, e.getKey(), SongPicks.of(songs, title.slug(), e.getKey()),
                    tearjerkerWeight, songBonus);
            score += e.getValue() * byMood.score();
            terms.add(e.getValue() + " \u00d7 " + format(byMood.score()) + " (" + e.getKey().name() + ")");
            reasons.addAll(byMood.reasons());
            songMoods.addAll(e.getKey().songMoods());
        }
        List<String> all = new ArrayList<>();
        all.add("Read as " + blend.keySet().stream().map(MoodDef::name).collect(Collectors.joining(" and "))
                + ": its score is " + String.join(" + ", terms) + " = " + format(score) + ".");
        all.addAll(reasons);
        MoodDef anyOfThem = new MoodDef("blend", "", Map.of(), Map.of(), List.copyOf(songMoods));
        return new Recommendations.Item(TitleSummary.of(title), round(score), all,
                shown(SongPicks.of(songs, title.slug(), anyOfThem)));
    }

    static double round(double score) {
        return Math.round(score * 10) / 10.0;
    }

    private static String format(double points) {
        double rounded = round(points);
        return rounded == Math.rint(rounded) ? Long.toString((long) rounded) : Double.toString(rounded);
    }

    private static List<String> tagsOf(CatalogTitle title) {
        return title.tags() == null ? List.of() : title.tags();
    }

    private static int nullToZero(Integer value) {
        return value == null ? 0 : value;
    }
}
