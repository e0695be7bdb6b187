package setsunai.songs.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An artist in a list. */
@Schema(name = "ArtistSummary", description = "An artist in a list, with how many songs they are credited on.")
public record ArtistSummary(
        @Schema(description = "Stable, URL-safe key.", examples = "masayoshi-yamazaki", required = true) String slug,
        @Schema(examples = "Masayoshi Yamazaki", required = true) String name,
        @Schema(description = "Name in its original script, where known.", examples = "山崎まさよし", nullable = true)
        String nativeName,
        @Schema(description = "Number of songs credited to the artist.", examples = "1", required = true) long songCount) {
}
