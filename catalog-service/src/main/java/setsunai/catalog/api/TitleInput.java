package setsunai.catalog.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import setsunai.common.vocabulary.Ending;
import setsunai.common.vocabulary.Format;

/**
 * What an editor sends to create or replace a title. Only these fields can be written: id, version and timestamps
 * are the server's. Unknown JSON fields (such as a `version` copied from a GET) are ignored.
 */
@Schema(name = "TitleInput", description = "A title as an editor writes it (POST, PUT, one line of an import).")
public record TitleInput(
        @Schema(description = "Stable, URL-safe key: lower-case words joined by hyphens. Cannot be changed later.",
                examples = "5-centimeters-per-second", required = true)
        @NotBlank @Size(max = 120) @Pattern(regexp = "^[a-z0-9]+(-[a-z0-9]+)*$",
                message = "must be lower-case letters and digits joined by single hyphens, e.g. your-lie-in-april")
        String slug,
        @Schema(description = "English title.", examples = "5 Centimeters per Second", required = true)
        @NotBlank @Size(max = 300) String title,
        @Schema(description = "Romaji title.", examples = "Byousoku 5 Centimeter") @Size(max = 300) String nativeTitle,
        @Schema(description = "Other known titles.", examples = "[\"秒速5センチメートル\"]")
        @Size(max = 20) List<@NotBlank @Size(max = 300) String> alternativeTitles,
        @Schema(required = true) @NotNull Format format,
        @Schema(examples = "1") @Positive Integer episodes,
        @Schema(examples = "2007") @Min(1900) @Max(2100) Integer year,
        Season season,
        @Schema(examples = "[\"CoMix Wave Films\"]") @Size(max = 20) List<@NotBlank @Size(max = 200) String> studios,
        @Schema(examples = "[\"Makoto Shinkai\"]") @Size(max = 20) List<@NotBlank @Size(max = 200) String> directors,
        Source source,
        @Schema(description = "A short synopsis in your own words.") @Size(max = 5000) String synopsis,
        @Schema(description = "At least one theme from GET /api/tags.", examples = "[\"long-distance\", \"first-love\"]",
                required = true)
        @NotEmpty @Size(max = 30) List<@NotBlank String> tags,
        @Schema(required = true) @NotNull Ending ending,
        @Schema(description = "How hard it hits, 1 to 10.", examples = "8", required = true)
        @NotNull @Min(1) @Max(10) Integer tearjerker,
        @Schema(description = StreamingLink.LIST_DESCRIPTION + " A service may be listed once.", examples = StreamingLink.LIST_EXAMPLE)
        @Size(max = 20) List<@NotNull @Valid StreamingLink> streaming,
        @Schema(description = "Ids in other databases.", examples = "{\"mal\": 1689, \"anilist\": 1689}")
        @Size(max = 20) Map<String, Object> externalIds,
        @Schema(description = TitleView.FRANCHISE, examples = "violet-evergarden")
        @Size(max = 120) @Pattern(regexp = "^[a-z0-9]+(-[a-z0-9]+)*$",
                message = "must be a slug: lower-case letters and digits joined by single hyphens, e.g. violet-evergarden")
        String franchise) {
}
