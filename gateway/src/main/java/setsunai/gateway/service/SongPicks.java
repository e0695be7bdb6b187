package setsunai.gateway.service;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import setsunai.common.vocabulary.UsageRole;
import setsunai.gateway.api.SongPick;
import setsunai.gateway.client.SongsSong;

/** How songs relate to titles: the part they play there, which ones lead, which fit a mood. */
public final class SongPicks {

    /** Themes first, then openings, endings, inserts, score: the order in which a song "belongs" to a title. */
    private static final Map<UsageRole, Integer> ROLE_ORDER = rankOf(
            UsageRole.THEME, UsageRole.OPENING, UsageRole.ENDING, UsageRole.INSERT, UsageRole.SCORE);
    private static final Set<UsageRole> THEME_ROLES = EnumSet.of(UsageRole.THEME, UsageRole.OPENING, UsageRole.ENDING);

    /** Best first: by role, then sequence (OP1 before OP2), then slug, so the order never depends on the service's. */
    static final Comparator<SongPick> LEADING = Comparator
            .comparing((SongPick p) -> rank(p.role()))
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
                .min(Comparator.comparing((SongsSong.Usage u) -> rank(u.role())))
                .map(u -> new SongPick(song.slug(), song.title(), artists(song), song.year(), moods(song), u.role(),
                        u.sequence(), mood != null && mood.fits(song.moods())));
    }

    /** Every song of the batch that is used in the title, leading ones first. */
    static List<SongPick> of(List<SongsSong> songs, String titleSlug, MoodDef mood) {
        return songs.stream().flatMap(s -> in(s, titleSlug, mood).stream()).sorted(LEADING).toList();
    }

    /** The songs of the batch by the slugs of the titles they are used in, each in the batch's order. */
    static Map<String, List<SongsSong>> byTitle(List<SongsSong> songs) {
        Map<String, List<SongsSong>> byTitle = new HashMap<>();
        for (SongsSong song : songs) {
            if (song.usages() == null) {
                continue;
            }
            song.usages().stream().map(SongsSong.Usage::titleSlug).filter(Objects::nonNull).distinct()
                    .forEach(slug -> byTitle.computeIfAbsent(slug, s -> new ArrayList<>()).add(song));
        }
        return byTitle;
    }

    static boolean isTheme(SongPick pick) {
        return role(pick.role()).filter(THEME_ROLES::contains).isPresent();
    }

    /** The role as the songs service wrote it; empty for one this gateway does not know (yet). */
    static Optional<UsageRole> role(String name) {
        return Arrays.stream(UsageRole.values()).filter(r -> r.name().equals(name)).findFirst();
    }

    /** A role's place in {@link #ROLE_ORDER}; a role the gateway does not know is tolerated and comes last. */
    static int rank(String role) {
        return role(role).map(ROLE_ORDER::get).orElse(ROLE_ORDER.size());
    }

    private static Map<UsageRole, Integer> rankOf(UsageRole... order) {
        Map<UsageRole, Integer> rank = new EnumMap<>(UsageRole.class);
        for (UsageRole role : order) {
            rank.put(role, rank.size());
        }
        return rank;
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
