package setsunai.gateway.api;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "Where the songs service and the catalogue disagree.")
public record ConsistencyReport(
        @Schema(description = "Titles read from the catalogue.") int titlesChecked,
        @Schema(description = "Songs read from the songs service.") int songsChecked,
        @Schema(description = "Downstream calls this report took (both lists are paged through, 100 a call).") int downstreamCalls,
        @Schema(description = "Song usages naming a title slug the catalogue does not know.") List<UnknownUsage> unknownTitleUsages,
        @Schema(description = "Catalogue titles no song is used in.") List<TitleRef> titlesWithoutSongs,
        @Schema(description = "Services that failed while composing this answer; empty when all went well.") List<Degradation> degraded) implements Composite {

    @Schema(name = "UnknownUsage")
    public record UnknownUsage(String songSlug, String songTitle, String titleSlug, String titleName, String role) {
    }

    @Schema(name = "TitleRef")
    public record TitleRef(String slug, String title) {
    }
}
