package setsunai.gateway.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One of a catalogue title's `streaming` links, as catalog-service answers it (unknown fields ignored). */
@JsonIgnoreProperties(ignoreUnknown = true)
@Schema(name = "StreamingLink", description = "A streaming service's page for the title (catalog-service's "
        + "`streaming`, in large part from bangumi-data, CC BY 4.0).")
public record StreamingLink(
        @Schema(description = "Service key, e.g. `netflix`, `prime`, `crunchyroll`, `disneyplus`.", examples = "netflix")
        String service,
        @Schema(examples = "Netflix") String name,
        @Schema(description = "The title's page on the service; null where none is known.",
                examples = "https://www.netflix.com/title/80182123", nullable = true) String url,
        @Schema(description = "ISO 3166-1 alpha-2 country codes; empty when unknown.", examples = "[\"JP\"]")
        List<String> regions) {
}
