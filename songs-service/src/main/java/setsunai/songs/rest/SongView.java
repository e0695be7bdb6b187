package setsunai.songs.rest;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import setsunai.songs.model.ArtistRole;
import setsunai.songs.model.Mood;
import setsunai.songs.model.UsageRole;

/** A song as the API shows it. */
@Schema(name = "Song", description = "A theme or breakup song, who made it, what it feels like and where it plays.")
public record SongView(
        @Schema(description = "Stable, URL-safe key.", examples = "one-more-time-one-more-chance") String slug,
        @Schema(examples = "One more time, One more chance") String title,
        @Schema(description = "Title in Japanese script, where it has one.") String nativeTitle,
        List<Credit> artists,
        @Schema(description = "Release year.", examples = "1997") Integer year,
        @Schema(description = "The single it was released on.") String single,
        @Schema(examples = "[\"LONGING\", \"FAREWELL\"]") List<Mood> moods,
        String description,
        List<Usage> usages,
        @Schema(description = "Changes with every edit; send it back in If-Match as the ETag.", examples = "1") long version) {

    @Schema(name = "Credit", description = "An artist and what they did on the song.")
    public record Credit(
            @Schema(examples = "Masayoshi Yamazaki") String name,
            @Schema(examples = "masayoshi-yamazaki") String slug,
            ArtistRole role) {
    }

    @Schema(name = "Usage", description = "Where the song plays.")
    public record Usage(
            @Schema(description = "Catalogue slug of the title.", examples = "5-centimeters-per-second") String titleSlug,
            @Schema(examples = "5 Centimeters per Second") String titleName,
            UsageRole role,
            @Schema(description = "1 for OP1/ED1 and so on.", examples = "1") Integer sequence,
            @Schema(description = "Episodes it plays in.", examples = "1-11") String episodes,
            String note) {
    }
}
