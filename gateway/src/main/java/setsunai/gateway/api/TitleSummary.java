package setsunai.gateway.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import setsunai.gateway.client.CatalogTitle;

/** The part of a title a list needs. When the catalogue is unavailable only slug and title are known. */
@Schema(description = "A title in short: enough to choose it; GET /api/titles/{slug} has the rest.")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TitleSummary(
        @Schema(examples = "5-centimeters-per-second") String slug,
        @Schema(examples = "5 Centimeters per Second") String title,
        @Schema(examples = "Byousoku 5 Centimeter") String nativeTitle,
        @Schema(examples = "MOVIE") String format,
        Integer episodes,
        Integer year,
        List<String> studios,
        List<String> tags,
        @Schema(examples = "BITTERSWEET") String ending,
        @Schema(description = "How hard it hits, 1 to 10.", examples = "8") Integer tearjerker,
        List<String> streaming) {

    public static TitleSummary of(CatalogTitle t) {
        return new TitleSummary(t.slug(), t.title(), t.nativeTitle(), t.format(), t.episodes(), t.year(), t.studios(),
                t.tags(), t.ending(), t.tearjerker(), t.streaming());
    }

    /** What a song's usage tells about a title when the catalogue cannot be asked. */
    public static TitleSummary named(String slug, String title) {
        return new TitleSummary(slug, title, null, null, null, null, null, null, null, null, null);
    }
}
