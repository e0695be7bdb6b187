package setsunai.gateway.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A title as catalog-service answers it (fields the gateway does not know are ignored). */
@JsonIgnoreProperties(ignoreUnknown = true)
@Schema(name = "Title", description = "An anime title from the catalogue, with its emotional facets.")
public record CatalogTitle(
        @Schema(examples = "5-centimeters-per-second") String slug,
        @Schema(examples = "5 Centimeters per Second") String title,
        String nativeTitle,
        List<String> alternativeTitles,
        @Schema(examples = "MOVIE") String format,
        Integer episodes,
        Integer year,
        String season,
        List<String> studios,
        List<String> directors,
        String source,
        String synopsis,
        List<String> tags,
        @Schema(examples = "BITTERSWEET") String ending,
        int tearjerker,
        List<StreamingLink> streaming,
        Map<String, Object> externalIds,
        long version) {
}
