package setsunai.gateway.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import setsunai.gateway.api.Degradation;
import setsunai.gateway.api.Playlist;
import setsunai.gateway.api.TitleSummary;
import setsunai.gateway.client.CatalogClient;
import setsunai.gateway.client.CatalogTitle;
import setsunai.gateway.client.SongsSong;

/**
 * A playlist for a mood: one songs call filtered by the mood's song moods (primary), then one catalogue batch for
 * the anime they come from (secondary: without it, each anime is still named, from the song's usage).
 * <p>
 * {@code exclude}: an excluded title is never the anime a track leads to. Its usages are dropped from each song, and a
 * song left leading nowhere is dropped before the limit, so the playlist stays full when other songs fit. The
 * catalogue's id lookup turns provider ids into slugs ({@link Exclusions#resolve}, while the songs are fetched). Only
 * when it fails do provider ids need the titles' externalIds: then the catalogue batch covers the usages of every
 * fitting song (not only of those picked) and becomes primary, since without it an excluded title could slip through.
 */
@ApplicationScoped
public class PlaylistService {

    @Inject
    SongsSource songs;

    @Inject
    CatalogSource catalog;

    public Uni<Playlist> playlist(MoodDef mood, int limit, Exclusions asked) {
        return picked(mood, limit, asked).map(PlaylistService::answer);
    }

    /**
     * What a playlist is made of, before it is written as JSON or JSPF: the songs picked (without their usages in
     * excluded titles), the catalogue's titles of their anime (empty when it failed), and what the answer reports.
     */
    public record Picked(MoodDef mood, List<SongsSong> songs, Map<String, CatalogTitle> titles, List<String> unmatched,
                         List<Degradation> degraded) {

        /** The songs' moods that fit the mood asked for. */
        public List<String> matched(SongsSong song) {
            return PlaylistService.matched(song, mood);
        }
    }

    public Uni<Picked> picked(MoodDef mood, int limit, Exclusions asked) {
        // the exclude values are looked up while the songs are fetched
        return Uni.combine().all().unis(songs.byMood(mood.songMoods()), asked.resolve(catalog)).asTuple().chain(both -> {
            Fetched<List<SongsSong>> fetched = both.getItem1();
            Exclusions exclude = both.getItem2();
            List<SongsSong> fitting = fetched.orUnavailable("The songs service").stream()
                    .filter(s -> mood.fits(s.moods()))
                    .sorted(Comparator.comparingLong((SongsSong s) -> -matched(s, mood).size())
                            .thenComparing(s -> firstMatchRank(s, mood))
                            .thenComparing(s -> s.title() == null ? "" : s.title().toLowerCase())
                            .thenComparing(SongsSong::slug))
                    .toList();
            if (!exclude.needsTitleIds()) {
                List<SongsSong> picked = fitting.stream().map(s -> withoutExcluded(s, exclude::excludesSlug))
                        .filter(Objects::nonNull).limit(limit).toList();
                List<String> unmatched = exclude.unmatched(List.of(), usageSlugs(fitting, Integer.MAX_VALUE));
                return catalog.titles(usageSlugs(picked, CatalogClient.BATCH_SIZE))
                        .map(titles -> picked(mood, picked, titles, unmatched, exclude));
            }
            List<String> checked = usageSlugs(fitting, CatalogClient.BATCH_SIZE);
            return catalog.titles(checked).map(titles -> {
                Set<String> excluded = titles.orUnavailable("The catalogue (needed to resolve the provider ids in "
                        + "exclude)").stream().filter(exclude::excludes).map(CatalogTitle::slug).collect(Collectors.toSet());
                List<SongsSong> picked = fitting.stream()
                        // past one batch of titles a song's anime could not be checked: left out rather than risked
                        .filter(s -> usages(s).stream().allMatch(u -> u.titleSlug() == null || checked.contains(u.titleSlug())))
                        .map(s -> withoutExcluded(s, slug -> excluded.contains(slug) || exclude.excludesSlug(slug)))
                        .filter(Objects::nonNull).limit(limit).toList();
                return picked(mood, picked, titles, exclude.unmatched(titles.value(), checked), exclude);
            });
        });
    }

    private static Picked picked(MoodDef mood, List<SongsSong> picked, Fetched<List<CatalogTitle>> titles,
                                 List<String> unmatched, Exclusions exclude) {
        Map<String, CatalogTitle> bySlug = titles.value().stream()
                .collect(Collectors.toMap(CatalogTitle::slug, Function.identity(), (a, b) -> a));
        // the catalogue can fail twice in one answer (the exclude lookup and the titles batch): named once
        List<Degradation> degraded = new ArrayList<>(exclude.degraded());
        if (titles.failed() && degraded.stream().noneMatch(d -> d.service().equals(titles.failure().service()))) {
            degraded.add(titles.failure());
        }
        return new Picked(mood, picked, bySlug, unmatched, degraded);
    }

    private static Playlist answer(Picked p) {
        List<Playlist.Entry> entries = p.songs().stream().map(s -> new Playlist.Entry(s.slug(), s.title(),
                SongPicks.artists(s), s.year(), SongPicks.moods(s), p.matched(s),
                usages(s).stream().map(u -> new Playlist.Anime(u.role(), u.sequence(), anime(p, u))).toList())).toList();
        return new Playlist(p.mood().name(), p.mood().description(), entries, p.unmatched(), p.degraded());
    }

    /** The anime a usage leads to: the catalogue's title, or (unknown to it, or it failed) named from the usage. */
    static TitleSummary anime(Picked p, SongsSong.Usage usage) {
        CatalogTitle title = p.titles().get(usage.titleSlug());
        return title != null ? TitleSummary.of(title) : TitleSummary.named(usage.titleSlug(), usage.titleName());
    }

    /** The song without its usages in excluded titles; null when it led only to excluded ones. */
    private static SongsSong withoutExcluded(SongsSong song, java.util.function.Predicate<String> excluded) {
        List<SongsSong.Usage> kept = usages(song).stream().filter(u -> !excluded.test(u.titleSlug())).toList();
        if (kept.size() == usages(song).size()) {
            return song;
        }
        return kept.isEmpty() ? null : song.withUsages(kept);
    }

    private static List<String> usageSlugs(List<SongsSong> songs, int max) {
        return songs.stream().flatMap(s -> usages(s).stream()).map(SongsSong.Usage::titleSlug)
                .filter(Objects::nonNull).distinct().limit(max).toList();
    }

    private static List<String> matched(SongsSong song, MoodDef mood) {
        return SongPicks.moods(song).stream().filter(mood.songMoods()::contains).toList();
    }

    /** Songs of the mood's first-listed (main) song mood come before those of the later ones. */
    private static int firstMatchRank(SongsSong song, MoodDef mood) {
        return SongPicks.moods(song).stream().mapToInt(mood.songMoods()::indexOf).filter(i -> i >= 0).min().orElse(99);
    }

    static List<SongsSong.Usage> usages(SongsSong song) {
        return song.usages() == null ? List.of() : song.usages();
    }
}
