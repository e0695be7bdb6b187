package setsunai.songs.service;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import setsunai.songs.api.ArtistSummary;
import setsunai.songs.api.ArtistView;
import setsunai.common.vocabulary.SongMood;
import setsunai.songs.api.SongView;
import setsunai.songs.store.Artist;
import setsunai.songs.store.ArtistRepository;
import setsunai.songs.store.SongArtist;

/** Artist entities and rows to API records. */
public final class ArtistMapper {

    private ArtistMapper() {
    }

    public static ArtistSummary toSummary(ArtistRepository.Listed row) {
        return new ArtistSummary(row.slug(), row.name(), row.nativeName(), row.songCount());
    }

    /** @param credits the artist's credits, ordered by song; one song with several roles becomes one entry */
    public static ArtistView toView(Artist artist, List<SongArtist> credits) {
        Map<Long, List<SongArtist>> bySong = new LinkedHashMap<>();
        for (SongArtist credit : credits) {
            bySong.computeIfAbsent(credit.song.id, id -> new ArrayList<>()).add(credit);
        }
        List<ArtistView.ArtistSong> songs = bySong.values().stream().map(ArtistMapper::toSong).toList();
        return new ArtistView(artist.slug, artist.name, artist.nativeName, songs.size(), songs);
    }

    private static ArtistView.ArtistSong toSong(List<SongArtist> credits) {
        var song = credits.get(0).song;
        return new ArtistView.ArtistSong(song.slug, song.title, song.nativeTitle, song.year,
                credits.stream().map(c -> c.role).distinct().toList(),
                song.moods.stream().map(SongMood::valueOf).toList(),
                song.usages.stream().map(u -> new SongView.Usage(u.titleSlug, u.titleName, u.role, u.sequence,
                        u.episodes, u.note)).toList());
    }
}
