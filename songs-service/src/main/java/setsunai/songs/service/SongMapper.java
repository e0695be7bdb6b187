package setsunai.songs.service;

import java.util.List;
import setsunai.common.vocabulary.SongMood;
import setsunai.songs.api.SongView;
import setsunai.songs.store.Song;
import setsunai.songs.store.SongQueries;

/** Entities and rows to API records; the only place that knows both shapes. */
public final class SongMapper {

    private SongMapper() {
    }

    public static SongView toView(Song song) {
        return new SongView(song.slug, song.title, song.nativeTitle,
                song.credits.stream().map(c -> new SongView.Credit(c.artist.name, c.artist.slug, c.role)).toList(),
                song.year, song.single, song.moods.stream().map(SongMood::valueOf).toList(), song.description,
                song.usages.stream().map(u -> new SongView.Usage(u.titleSlug, u.titleName, u.role, u.sequence,
                        u.episodes, u.note)).toList(),
                song.version);
    }

    public static SongView toView(SongQueries.Row row) {
        return new SongView(row.slug(), row.title(), row.nativeTitle(),
                row.credits().stream().map(c -> new SongView.Credit(c.name(), c.slug(), c.role())).toList(),
                row.year(), row.single(), row.moods().stream().map(SongMood::valueOf).toList(), row.description(),
                row.usages().stream().map(u -> new SongView.Usage(u.titleSlug(), u.titleName(), u.role(), u.sequence(),
                        u.episodes(), u.note())).toList(),
                row.version());
    }

    public static List<SongView> toViews(List<SongQueries.Row> rows) {
        return rows.stream().map(SongMapper::toView).toList();
    }

    /** What a song says, without its version: equal before and after a write means the write changed nothing. */
    public static SongView content(Song song) {
        return content(toView(song));
    }

    public static SongView content(SongView view) {
        return new SongView(view.slug(), view.title(), view.nativeTitle(), view.artists(), view.year(), view.single(),
                view.moods(), view.description(), view.usages(), 0);
    }
}
