package setsunai.catalog.api;

import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import setsunai.common.vocabulary.Ending;
import setsunai.common.vocabulary.Format;

/** A title as the API shows it. */
@Schema(name = "Title", description = "An anime title with its facts and emotional facets.")
public record TitleView(
        @Schema(description = "Stable, URL-safe key.", examples = "5-centimeters-per-second") String slug,
        @Schema(description = "English title.", examples = "5 Centimeters per Second") String title,
        @Schema(description = "Romaji title.", examples = "Byousoku 5 Centimeter") String nativeTitle,
        @Schema(description = "Other known titles, including the Japanese script.") List<String> alternativeTitles,
        Format format,
        @Schema(description = "Number of episodes; 1 for a film.", examples = "3") Integer episodes,
        @Schema(description = "Year of first release.", examples = "2007") Integer year,
        Season season,
        @Schema(examples = "[\"CoMix Wave Films\"]") List<String> studios,
        @Schema(examples = "[\"Makoto Shinkai\"]") List<String> directors,
        Source source,
        @Schema(description = "A short synopsis, in our own words.") String synopsis,
        @Schema(description = "Themes from the controlled vocabulary (see GET /api/tags).", examples = "[\"long-distance\", \"drifting-apart\"]") List<String> tags,
        Ending ending,
        @Schema(description = "How hard it hits, 1 to 10.", examples = "8") int tearjerker,
        @Schema(description = "Where to stream it.", examples = "[\"Crunchyroll\"]") List<String> streaming,
        @Schema(description = "Ids in other databases.", examples = "{\"mal\": 1689}") Map<String, Object> externalIds,
        @Schema(description = "Changes with every edit; send it back in If-Match as the ETag.", examples = "1") long version) {
}
