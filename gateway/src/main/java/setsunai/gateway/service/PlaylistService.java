package setsunai.gateway.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import setsunai.gateway.api.Playlist;
import setsunai.gateway.api.TitleSummary;
import setsunai.gateway.client.CatalogClient;
import setsunai.gateway.client.CatalogTitle;
import setsunai.gateway.client.SongsSong;

/**
 * A playlist for a mood: one songs call filtered by the mood's song moods (primary), then one catalogue batch for
 * the anime they come from (secondary: without it, each anime is still named, from the song's usage).
 */
@ApplicationScoped
public class PlaylistService {

    @Inject
    SongsSource songs;

    @Inject
    CatalogSource catalog;

    public Uni<Playlist> playlist(MoodDef mood, int limit) {
        return songs.byMood(mood.songMoods()).chain(fetched -> {
            List<SongsSong> picked = fetched.orUnavailable("The songs service").stream()
                    .filter(s -> mood.fits(s.moods()))
                    .sorted(Comparator.comparingLong((SongsSong s) -> -matched(s, mood).size())
                            .thenComparing(s -> firstMatchRank(s, mood))
                            .thenComparing(s -> s.title() == null ? "" : s.title().toLowerCase())
                            .thenComparing(SongsSong::slug))
                    .limit(limit)
                    .toList();
            List<String> titleSlugs = picked.stream().flatMap(s -> usages(s).stream()).map(SongsSong.Usage::titleSlug)
                    .filter(Objects::nonNull).distinct().limit(CatalogClient.BATCH_SIZE).toList();
            return catalog.titles(titleSlugs).map(titles -> {
                Map<String, CatalogTitle> bySlug = titles.value().stream()
                        .collect(Collectors.toMap(CatalogTitle::slug, Function.identity(), (a, b) -> a));
                List<Playlist.Entry> entries = picked.stream().map(s -> new Playlist.Entry(s.slug(), s.title(),
                        SongPicks.artists(s), s.year(), SongPicks.moods(s), matched(s, mood),
                        usages(s).stream().map(u -> new Playlist.Anime(u.role(), u.sequence(),
                                bySlug.containsKey(u.titleSlug()) ? TitleSummary.of(bySlug.get(u.titleSlug()))
                                        : TitleSummary.named(u.titleSlug(), u.titleName()))).toList())).toList();
                return new Playlist(mood.name(), mood.description(), entries,
                        titles.failed() ? List.of(titles.failure()) : List.of());
            });
        });
    }

    private static List<String> matched(SongsSong song, MoodDef mood) {
        return SongPicks.moods(song).stream().filter(mood.songMoods()::contains).toList();
    }

    /** Songs of the mood's first-listed (main) song mood come before those of the later ones. */
    private static int firstMatchRank(SongsSong song, MoodDef mood) {
        return SongPicks.moods(song).stream().mapToInt(mood.songMoods()::indexOf).filter(i -> i >= 0).min().orElse(99);
    }

    private static List<SongsSong.Usage> usages(SongsSong song) {
        return song.usages() == null ? List.of() : song.usages();
    }
}
