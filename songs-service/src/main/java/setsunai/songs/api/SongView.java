package setsunai.songs.api;

import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import setsunai.common.vocabulary.UsageRole;
import setsunai.common.vocabulary.SongMood;

/** A song as the API shows it. */
@Schema(name = "Song", description = "A theme or breakup song, who made it, what it feels like and where it plays.")
public record SongView(
        @Schema(description = "Stable, URL-safe key.", examples = "one-more-time-one-more-chance", required = true) String slug,
        @Schema(description = "Title as released (romanised where the original is Japanese).",
                examples = "One more time, One more chance", required = true) String title,
        @Schema(description = "Title in its original script, where it has one.", examples = "ワン・モア・タイム、ワン・モア・チャンス", nullable = true)
        String nativeTitle,
        @Schema(description = "The English translation of the title and other names people know the song by; `q` "
                + "searches them like the title. Empty when there are none.", examples = "[\"Endless Poem\"]", required = true)
        List<String> alternativeTitles,
        @Schema(description = "The song's ids in other databases, only where known: `musicbrainz` (a MusicBrainz "
                + "recording MBID, a UUID) and `animethemes` (an AnimeThemes song id, an integer). Empty when none is "
                + "known. The example shows the format only.",
                examples = "{\"musicbrainz\": \"" + SongChecks.EXAMPLE_MBID + "\", \"animethemes\": 1}", required = true)
        Map<String, Object> externalIds,
        @Schema(description = "Credits in billing order; an artist with several roles appears once per role.", required = true)
        List<Credit> artists,
        @Schema(description = "Release year.", examples = "1997", nullable = true) Integer year,
        @Schema(description = "The single it was released on.", examples = "One more time, One more chance", nullable = true)
        String single,
        @Schema(description = "What the song feels like.", examples = "[\"LONGING\", \"FAREWELL\"]", required = true) List<SongMood> moods,
        @Schema(description = "A few sentences in our own words.", nullable = true,
                examples = "Yamazaki's ballad of a love that slipped away, the theme of 5 Centimeters per Second.")
        String description,
        @Schema(description = "Where the song plays: catalogue titles by slug.", required = true) List<Usage> usages,
        @Schema(description = "Changes with every edit; send it back in If-Match as the ETag.", examples = "1", required = true) long version) {

    @Schema(name = "Credit", description = "An artist and what they did on the song.")
    public record Credit(
            @Schema(description = "Artist name.", examples = "Masayoshi Yamazaki", required = true) String name,
            @Schema(description = "Artist slug: GET /api/artists/{slug}.", examples = "masayoshi-yamazaki", required = true) String slug,
            @Schema(description = "What the artist did on the song.", examples = "PERFORMER", required = true) ArtistRole role) {
    }

    @Schema(name = "Usage", description = "Where the song plays.")
    public record Usage(
            @Schema(description = "Catalogue slug of the title.", examples = "5-centimeters-per-second", required = true) String titleSlug,
            @Schema(description = "The title's name, for readers of this record.", examples = "5 Centimeters per Second",
                    nullable = true) String titleName,
            @Schema(description = "How the title uses the song.", examples = "THEME", required = true) UsageRole role,
            @Schema(description = "1 for OP1/ED1 and so on.", examples = "1", nullable = true) Integer sequence,
            @Schema(description = "Episodes it plays in.", examples = "1-11", nullable = true) String episodes,
            @Schema(description = "Anything worth knowing about this use.", examples = "Film version", nullable = true)
            String note) {
    }
}
