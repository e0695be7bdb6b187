package setsunai.songs.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import setsunai.common.vocabulary.UsageRole;
import setsunai.common.vocabulary.SongMood;
import static setsunai.common.web.Text.blankToNull;

/**
 * A song as an editor sends it (POST, PUT, one NDJSON import line). Unknown fields are ignored, so the body of a GET
 * (with its version) can be edited and sent back as it is.
 */
@Schema(name = "SongInput", description = "A song as an editor writes it. Artists are named by slug and created if new.")
@SongChecks.Valid
public record SongInput(
        @Schema(description = "Stable, URL-safe key: lower-case words joined by '-'. Required for POST and import; "
                + "on PUT it may be left out, and must equal the path's slug if given.",
                examples = "one-more-time-one-more-chance", pattern = SLUG)
        @Pattern(regexp = SLUG, message = "must be lower-case words joined by '-', e.g. one-more-time-one-more-chance")
        @Size(max = 200)
        String slug,

        @Schema(description = "Title as released (romanised where the original is Japanese).",
                examples = "One more time, One more chance", required = true)
        @NotBlank @Size(max = 300)
        String title,

        @Schema(description = "Title in its original script.", examples = "ワン・モア・タイム、ワン・モア・チャンス")
        @Size(max = 300)
        String nativeTitle,

        @Schema(description = "The English translation of the title and other names people know the song by, searched "
                + "by `q` like the title (\"Owaranai Uta\" is also \"Endless Poem\"). At most " + SongChecks.MAX_ALTERNATIVE_TITLES
                + " names of at most " + SongChecks.MAX_ALTERNATIVE_TITLE_LENGTH + " characters, each once (case is ignored).",
                examples = "[\"Endless Poem\"]", maxItems = SongChecks.MAX_ALTERNATIVE_TITLES)
        @Size(max = SongChecks.MAX_ALTERNATIVE_TITLES)
        List<@NotBlank @Size(max = SongChecks.MAX_ALTERNATIVE_TITLE_LENGTH) String> alternativeTitles,

        @Schema(description = "The song's ids in other databases, only where known: `musicbrainz`, a MusicBrainz "
                + "recording MBID (a UUID), and `animethemes`, an AnimeThemes song id (a positive integer). Other keys "
                + "are refused; a key whose value is null is left out. The example shows the format only.",
                examples = "{\"musicbrainz\": \"" + SongChecks.EXAMPLE_MBID + "\", \"animethemes\": 1}")
        Map<String, Object> externalIds,

        @Schema(description = "Credits, in billing order; at least one.", required = true)
        @NotNull @Size(min = 1, max = 50)
        List<@NotNull @Valid CreditInput> artists,

        @Schema(description = "Release year.", examples = "1997", minimum = "1900", maximum = "2100")
        @Min(1900) @Max(2100)
        Integer year,

        @Schema(description = "The single or album it was released on.", examples = "One more time, One more chance")
        @Size(max = 300)
        String single,

        @Schema(description = "What the song feels like.", examples = "[\"LONGING\", \"FAREWELL\"]")
        @Size(max = 6)
        List<@NotNull SongMood> moods,

        @Schema(description = "A few sentences in our own words.", examples = "Yamazaki's ballad of a love that slipped away.")
        @Size(max = 4000)
        String description,

        @Schema(description = "Where the song plays.")
        @Size(max = 100)
        List<@NotNull @Valid UsageInput> usages) {

    public static final String SLUG = "^[a-z0-9]+(-[a-z0-9]+)*$";

    public List<SongMood> moodsOrEmpty() {
        return moods == null ? List.of() : moods;
    }

    public List<String> alternativeTitlesOrEmpty() {
        return alternativeTitles == null ? List.of() : alternativeTitles;
    }

    public List<UsageInput> usagesOrEmpty() {
        return usages == null ? List.of() : usages;
    }

    /**
     * The song as it is stored, the one normalisation every write uses (API, import, dataset): text stripped, blank
     * text as null, each mood once, no usages or alternative titles as an empty list, external ids in their canonical
     * form (see {@link SongChecks#externalIds}), and {@code slug} as the key (a PUT's path slug).
     */
    public SongInput normalized(String slug) {
        return new SongInput(slug, title.strip(), blankToNull(nativeTitle),
                alternativeTitlesOrEmpty().stream().map(String::strip).toList(), SongChecks.externalIds(externalIds),
                artists.stream().map(c -> new CreditInput(c.slug(), c.name() == null ? null : c.name().strip(), c.role()))
                        .toList(),
                year, blankToNull(single), moodsOrEmpty().stream().distinct().toList(), blankToNull(description),
                usagesOrEmpty().stream().map(u -> new UsageInput(u.titleSlug(), blankToNull(u.titleName()), u.role(),
                        u.sequence(), blankToNull(u.episodes()), blankToNull(u.note()))).toList());
    }

    @Schema(name = "CreditInput", description = "An artist credit. An unknown slug creates the artist, with this name.")
    public record CreditInput(
            @Schema(examples = "masayoshi-yamazaki", required = true, pattern = SLUG)
            @NotBlank @Pattern(regexp = SLUG, message = "must be lower-case words joined by '-', e.g. masayoshi-yamazaki")
            @Size(max = 200)
            String slug,

            @Schema(description = "Required when the artist is new; ignored for an existing artist.",
                    examples = "Masayoshi Yamazaki")
            @Size(max = 200)
            String name,

            @Schema(required = true, examples = "PERFORMER")
            @NotNull
            ArtistRole role) {
    }

    @Schema(name = "UsageInput", description = "Where a song plays: a catalogue title, by slug.")
    public record UsageInput(
            @Schema(description = "Catalogue slug of the title.", examples = "5-centimeters-per-second", required = true,
                    pattern = SLUG)
            @NotBlank @Pattern(regexp = SLUG, message = "must be a catalogue title slug, e.g. 5-centimeters-per-second")
            @Size(max = 200)
            String titleSlug,

            @Schema(description = "The title's name, for readers of this record.", examples = "5 Centimeters per Second")
            @Size(max = 300)
            String titleName,

            @Schema(required = true, examples = "THEME")
            @NotNull
            UsageRole role,

            @Schema(description = "1 for OP1/ED1 and so on.", examples = "1", minimum = "1")
            @Positive
            Integer sequence,

            @Schema(description = "Episodes it plays in.", examples = "1-11")
            @Size(max = 100)
            String episodes,

            @Schema(description = "Anything worth knowing about this use.", examples = "Film version")
            @Size(max = 1000)
            String note) {
    }
}
