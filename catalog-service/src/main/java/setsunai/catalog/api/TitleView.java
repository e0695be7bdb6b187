package setsunai.catalog.api;

import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import setsunai.common.vocabulary.Ending;
import setsunai.common.vocabulary.Format;

/** A title as the API shows it. */
@Schema(name = "Title", description = "An anime title with its facts and emotional facets.")
public record TitleView(
        @Schema(description = "Stable, URL-safe key.", examples = "5-centimeters-per-second", required = true) String slug,
        @Schema(description = "English title.", examples = "5 Centimeters per Second", required = true) String title,
        @Schema(description = "Romaji title.", examples = "Byousoku 5 Centimeter", nullable = true) String nativeTitle,
        @Schema(description = "Other known titles, including the Japanese script.", examples = "[\"秒速5センチメートル\"]",
                required = true) List<String> alternativeTitles,
        @Schema(required = true) Format format,
        @Schema(description = "Number of episodes; 1 for a film.", examples = "3", nullable = true) Integer episodes,
        @Schema(description = "Year of first release.", examples = "2007", nullable = true) Integer year,
        @Schema(nullable = true) Season season,
        @Schema(examples = "[\"CoMix Wave Films\"]", required = true) List<String> studios,
        @Schema(examples = "[\"Makoto Shinkai\"]", required = true) List<String> directors,
        @Schema(nullable = true) Source source,
        @Schema(description = "A short synopsis, in our own words.", nullable = true,
                examples = "Two classmates drift apart as years and distance grow between them, told in three episodes.")
        String synopsis,
        @Schema(description = "Themes from the controlled vocabulary (see GET /api/tags).",
                examples = "[\"long-distance\", \"drifting-apart\"]", required = true) List<String> tags,
        @Schema(required = true) Ending ending,
        @Schema(description = "How hard it hits, 1 to 10.", examples = "8", minimum = "1", maximum = "10", required = true)
        int tearjerker,
        @Schema(description = StreamingLink.LIST_DESCRIPTION, required = true, examples = StreamingLink.LIST_EXAMPLE)
        List<StreamingLink> streaming,
        @Schema(description = "Ids in other databases: `mal`, `anilist`, `anidb`, `bangumi`, … (from bangumi-data, "
                + "CC BY 4.0, where the catalogue had none).",
                examples = "{\"mal\": 1689, \"anilist\": 1689, \"anidb\": 4568, \"bangumi\": 927}", required = true)
        Map<String, Object> externalIds,
        @Schema(description = TitleView.FRANCHISE, examples = "violet-evergarden", nullable = true) String franchise,
        @Schema(description = "Changes with every edit; send it back in If-Match as the ETag.", examples = "1", required = true)
        long version) {

    public static final String FRANCHISE = "The franchise the title belongs to, as a slug shared by its TV series, "
            + "sequels and films (`anohana`, `clannad`); null for a title alone in its franchise in the catalogue.";
}
