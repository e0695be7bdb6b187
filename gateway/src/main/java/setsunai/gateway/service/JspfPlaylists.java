package setsunai.gateway.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import setsunai.gateway.api.JspfPlaylist;
import setsunai.gateway.api.TitleSummary;
import setsunai.gateway.client.SongsSong;

/**
 * A picked playlist written as JSPF: one track per song, its creator the performers, its {@code info} the gateway's
 * page of the anime it leads to, its {@code identifier} the MusicBrainz recording when the song has one. The rest
 * (song slug, every anime, AnimeThemes id) goes in Setsunai's extension. Built from the data alone (no clock), so the
 * same data gives the same bytes and the same ETag.
 */
public final class JspfPlaylists {

    static final String CREATOR = "Setsunai";
    static final String MUSICBRAINZ_RECORDING = "https://musicbrainz.org/recording/";
    /** A MusicBrainz id is a UUID; anything else would make a broken URL, so it stays in the extension only. */
    private static final Pattern MBID = Pattern.compile("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$");

    private JspfPlaylists() {
    }

    /**
     * @param titleUrl the gateway's public URL of a title, from its slug
     * @param self     the gateway's public URL of this playlist, with the filters asked for
     */
    public static JspfPlaylist of(PlaylistService.Picked picked, Function<String, String> titleUrl, String self) {
        MoodDef mood = picked.mood();
        List<JspfPlaylist.Track> tracks = picked.songs().stream().map(song -> track(picked, song, titleUrl)).toList();
        return new JspfPlaylist(new JspfPlaylist.Body("Setsunai: " + mood.name(), CREATOR, mood.description(), self, self,
                new JspfPlaylist.PlaylistExtensions(new JspfPlaylist.PlaylistExtension(mood.name(), picked.unmatched(),
                        picked.degraded())),
                tracks));
    }

    private static JspfPlaylist.Track track(PlaylistService.Picked picked, SongsSong song,
                                            Function<String, String> titleUrl) {
        List<JspfPlaylist.Anime> anime = PlaylistService.usages(song).stream()
                .filter(u -> u.titleSlug() != null)
                .map(u -> {
                    TitleSummary title = PlaylistService.anime(picked, u);
                    return new JspfPlaylist.Anime(title.slug(), title.title() == null ? title.slug() : title.title(),
                            titleUrl.apply(title.slug()), u.role(), u.sequence());
                })
                .toList();
        List<String> artists = SongPicks.artists(song);
        Map<String, Object> ids = song.externalIds() == null || song.externalIds().isEmpty() ? null : song.externalIds();
        return new JspfPlaylist.Track(identifiers(ids), song.title(),
                artists.isEmpty() ? null : String.join(", ", artists),
                annotation(picked.matched(song), picked.mood(), anime),
                anime.isEmpty() ? null : anime.get(0).url(),
                new JspfPlaylist.TrackExtensions(new JspfPlaylist.TrackExtension(song.slug(),
                        anime.isEmpty() ? null : anime.get(0).role(), SongPicks.moods(song), picked.matched(song), anime,
                        ids)));
    }

    /** The recording's canonical URL when the song has a well-formed MusicBrainz id; null (left out) otherwise. */
    private static List<String> identifiers(Map<String, Object> ids) {
        Object mbid = ids == null ? null : ids.get("musicbrainz");
        if (mbid instanceof String id && MBID.matcher(id.trim().toLowerCase(Locale.ROOT)).matches()) {
            return List.of(MUSICBRAINZ_RECORDING + id.trim().toLowerCase(Locale.ROOT));
        }
        return null;
    }

    /** Why it is here: the moods that fit, and the part it plays in the anime it leads to. */
    static String annotation(List<String> matched, MoodDef mood, List<JspfPlaylist.Anime> anime) {
        StringBuilder out = new StringBuilder("Its moods fit " + mood.name() + ": " + String.join(", ", matched) + ".");
        if (!anime.isEmpty()) {
            JspfPlaylist.Anime first = anime.get(0);
            out.append(' ').append(part(first.role(), first.sequence())).append(' ').append(first.title());
            List<String> more = new ArrayList<>();
            anime.stream().skip(1).map(JspfPlaylist.Anime::title).distinct().filter(t -> !t.equals(first.title()))
                    .forEach(more::add);
            out.append(more.isEmpty() ? "." : "; also in " + more.size() + " more.");
        }
        return out.toString();
    }

    private static String part(String role, Integer sequence) {
        return switch (role == null ? "" : role) {
            case "THEME" -> "It is the theme of";
            case "OPENING" -> sequence == null ? "It is an opening of" : "It is opening " + sequence + " of";
            case "ENDING" -> sequence == null ? "It is an ending of" : "It is ending " + sequence + " of";
            case "INSERT" -> "It is an insert song in";
            case "SCORE" -> "It is from the score of";
            default -> "It plays in";
        };
    }
}
