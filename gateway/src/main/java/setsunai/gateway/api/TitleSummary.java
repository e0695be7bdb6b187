package setsunai.gateway.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import setsunai.common.vocabulary.Ending;
import setsunai.common.vocabulary.Format;
import setsunai.gateway.client.CatalogTitle;
import setsunai.gateway.client.StreamingLink;

/** The part of a title a list needs. When the catalogue is unavailable only slug and title are known. */
@Schema(description = "A title in short: enough to choose it; GET /api/titles/{slug} has the rest. When the catalogue "
        + "could not be asked only `slug` and `title` are there (`degraded` says so); the other fields are then left out.")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TitleSummary(
        @Schema(examples = "5-centimeters-per-second", required = true) String slug,
        @Schema(examples = "5 Centimeters per Second", required = true) String title,
        @Schema(examples = "Byousoku 5 Centimeter") String nativeTitle,
        @Schema(type = SchemaType.STRING, implementation = Format.class) String format,
        @Schema(examples = "3") Integer episodes,
        @Schema(examples = "2007") Integer year,
        @Schema(examples = "[\"CoMix Wave Films\"]") List<String> studios,
        @Schema(examples = "[\"long-distance\", \"drifting-apart\", \"first-love\"]") List<String> tags,
        @Schema(type = SchemaType.STRING, implementation = Ending.class) String ending,
        @Schema(description = "How hard it hits, 1 to 10.", examples = "8", minimum = "1", maximum = "10") Integer tearjerker,
        @Schema(description = "Where to watch it: the catalogue's streaming links.",
                examples = "[{\"service\": \"netflix\", \"name\": \"Netflix\", "
                        + "\"url\": \"https://www.netflix.com/title/80182123\", \"regions\": []}]")
        List<StreamingLink> streaming) {

    public static TitleSummary of(CatalogTitle t) {
        return new TitleSummary(t.slug(), t.title(), t.nativeTitle(), t.format(), t.episodes(), t.year(), t.studios(),
                t.tags(), t.ending(), t.tearjerker(), t.streaming());
    }

    /** What a song's usage tells about a title when the catalogue cannot be asked. */
    public static TitleSummary named(String slug, String title) {
        return new TitleSummary(slug, title, null, null, null, null, null, null, null, null, null);
    }
}
