package setsunai.catalog.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Where a title can be watched: one service's page for it. The same record is read (TitleView) and written
 * (TitleInput); the constraints apply to what an editor sends.
 */
@Schema(name = "StreamingLink", description = "A streaming service's page for the title. Service keys are "
        + "bangumi-data's site keys where it has the service (`netflix`, `prime`, `crunchyroll`, `disneyplus`), "
        + "otherwise the service's name in lower case (`funimation`, `hulu`).")
public record StreamingLink(
        @Schema(description = "Service key: lower-case letters and digits, words joined by `_`.", examples = "netflix",
                required = true)
        @NotBlank @Size(max = 40) @Pattern(regexp = SERVICE_KEY, message = SERVICE_KEY_MESSAGE) String service,
        @Schema(description = "The service's display name.", examples = "Netflix", required = true)
        @NotBlank @Size(max = 200) String name,
        @Schema(description = "The title's page on the service (https); null where no page is known.",
                examples = "https://www.netflix.com/title/80182123", nullable = true)
        @Size(max = 2000) @Pattern(regexp = HTTPS_URL,
                message = "must be an https URL, e.g. https://www.netflix.com/title/80182123") String url,
        @Schema(description = "ISO 3166-1 alpha-2 codes of the countries where the page is available; `[]` when "
                + "unknown (for bangumi-data's international services: no restriction recorded).",
                examples = "[\"JP\"]", required = true)
        @NotNull(message = "is required: the country codes, or [] when unknown")
        @Size(max = 250) List<@NotNull @Pattern(regexp = "^[A-Z]{2}$",
                message = "must be an ISO 3166-1 alpha-2 country code: two capital letters, e.g. JP") String> regions) {

    /** The description of a title's `streaming`, with the attribution its data needs. */
    public static final String LIST_DESCRIPTION = "Where to watch it: one link per service, with the countries where "
            + "the page is available. Links, service keys and external ids come in large part from "
            + "[bangumi-data](https://github.com/bangumi-data/bangumi-data) (© its contributors, CC BY 4.0, "
            + "https://creativecommons.org/licenses/by/4.0/); the url is built from its site's `urlTemplate`.";
    public static final String LIST_EXAMPLE = "[{\"service\": \"netflix\", \"name\": \"Netflix\", "
            + "\"url\": \"https://www.netflix.com/title/80182123\", \"regions\": []}]";
    /** An https URL with a host: no other scheme, no spaces. */
    public static final String HTTPS_URL = "^https://[A-Za-z0-9.-]+(:[0-9]{1,5})?([/?#]\\S*)?$";
    public static final String SERVICE_KEY = "^[a-z0-9]+(_[a-z0-9]+)*$";
    public static final String SERVICE_KEY_MESSAGE =
            "must be a service key: lower-case letters and digits, words joined by _, e.g. netflix or disneyplus";
}
