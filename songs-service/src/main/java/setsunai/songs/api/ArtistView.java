package setsunai.songs.api;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import setsunai.common.vocabulary.SongMood;

/** An artist with every song credited to them. */
@Schema(name = "Artist", description = "An artist with their songs, and what they did on each.")
public record ArtistView(
        @Schema(description = "Stable, URL-safe key.", examples = "masayoshi-yamazaki", required = true) String slug,
        @Schema(examples = "Masayoshi Yamazaki", required = true) String name,
        @Schema(description = "Name in its original script, where known.", examples = "山崎まさよし", nullable = true)
        String nativeName,
        @Schema(description = "Number of songs credited to the artist.", examples = "1", required = true) int songCount,
        @Schema(description = "The artist's songs, by title.", required = true) List<ArtistSong> songs) {

    @Schema(name = "ArtistSong", description = "A song of the artist, with the artist's roles on it and where it plays.")
    public record ArtistSong(
            @Schema(description = "Song slug: GET /api/songs/{slug}.", examples = "one-more-time-one-more-chance", required = true) String slug,
            @Schema(examples = "One more time, One more chance", required = true) String title,
            @Schema(description = "Title in its original script, where it has one.",
                    examples = "ワン・モア・タイム、ワン・モア・チャンス", nullable = true) String nativeTitle,
            @Schema(description = "Release year.", examples = "1997", nullable = true) Integer year,
            @Schema(description = "What the artist did on this song.", examples = "[\"PERFORMER\", \"COMPOSER\"]",
                    required = true) List<ArtistRole> roles,
            @Schema(description = "What the song feels like.", examples = "[\"LONGING\", \"FAREWELL\"]", required = true)
            List<SongMood> moods,
            @Schema(description = "Where the song plays.", required = true) List<SongView.Usage> usages) {
    }
}
