package setsunai.gateway.service;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import setsunai.gateway.api.SongPick;
import setsunai.gateway.client.SongsSong;

/** How songs relate to titles: the part they play there, which ones lead, which fit a mood. */
public final class SongPicks {

    /** Themes first, then openings, endings, inserts, score: the order in which a song "belongs" to a title. */
    private static final Map<String, Integer> ROLE_ORDER = Map.of("THEME", 0, "OPENING", 1, "ENDING", 2, "INSERT", 3, "SCORE", 4);
    private static final List<String> THEME_ROLES = List.of("THEME", "OPENING", "ENDING");

    /** Best first: by role, then sequence (OP1 before OP2), then slug, so the order never depends on the service's. */
    static final Comparator<SongPick> LEADING = Comparator
            .comparing((SongPick p) -> ROLE_ORDER.getOrDefault(p.role(), 9))
            .thenComparing(p -> p.sequence() == null ? Integer.MAX_VALUE : p.sequence())
            .thenComparing(SongPick::slug);

    private SongPicks() {
    }

    /** The song as used in {@code titleSlug}, or empty if it is not used there. */
    static Optional<SongPick> in(SongsSong song, String titleSlug, MoodDef mood) {
        if (song.usages() == null) {
            return Optional.empty();
        }
        return song.usages().stream()
                .filter(u -> titleSlug.equals(u.titleSlug()))
                .min(Comparator.comparing((SongsSong.Usage u) -> ROLE_ORDER.getOrDefault(u.role(), 9)))
                .map(u -> new SongPick(song.slug(), song.title(), artists(song), song.year(), moods(song), u.role(),
                        u.sequence(), mood != null && mood.fits(song.moods())));
    }

    /** Every song of the batch that is used in the title, leading ones first. */
    static List<SongPick> of(List<SongsSong> songs, String titleSlug, MoodDef mood) {
        return songs.stream().flatMap(s -> in(s, titleSlug, mood).stream()).sorted(LEADING).toList();
    }

    static boolean isTheme(SongPick pick) {
        return THEME_ROLES.contains(pick.role());
    }

    static List<String> artists(SongsSong song) {
        if (song.artists() == null) {
            return List.of();
        }
        List<String> performers = song.artists().stream().filter(a -> "PERFORMER".equals(a.role()))
                .map(SongsSong.Credit::name).toList();
        return performers.isEmpty() ? song.artists().stream().map(SongsSong.Credit::name).distinct().toList() : performers;
    }

    static List<String> moods(SongsSong song) {
        return song.moods() == null ? List.of() : song.moods();
    }
}
