package setsunai.gateway.api;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import setsunai.common.vocabulary.UsageRole;

@Schema(description = "Where the songs service and the catalogue disagree.")
public record ConsistencyReport(
        @Schema(description = "Titles read from the catalogue.", examples = "56", required = true) int titlesChecked,
        @Schema(description = "Songs read from the songs service.", examples = "109", required = true) int songsChecked,
        @Schema(description = "Downstream calls this report took (both lists are paged through, 100 a call).",
                examples = "3", required = true) int downstreamCalls,
        @Schema(description = "Song usages naming a title slug the catalogue does not know.", required = true)
        List<UnknownUsage> unknownTitleUsages,
        @Schema(description = "Catalogue titles no song is used in.", required = true) List<TitleRef> titlesWithoutSongs,
        @Schema(description = "Services that failed while composing this answer; empty when all went well.",
                required = true) List<Degradation> degraded) implements Composite {

    @Schema(name = "UnknownUsage", description = "A song usage whose title slug the catalogue does not know.")
    public record UnknownUsage(
            @Schema(examples = "one-more-time-one-more-chance", required = true) String songSlug,
            @Schema(examples = "One more time, One more chance", required = true) String songTitle,
            @Schema(examples = "5-centimetres-per-second", required = true) String titleSlug,
            @Schema(description = "The name the song's usage gives the title.", examples = "5 Centimeters per Second",
                    nullable = true) String titleName,
            @Schema(type = SchemaType.STRING, implementation = UsageRole.class, required = true) String role) {
    }

    @Schema(name = "TitleRef", description = "A catalogue title, by slug and name.")
    public record TitleRef(
            @Schema(examples = "plastic-memories", required = true) String slug,
            @Schema(examples = "Plastic Memories", required = true) String title) {
    }
}
