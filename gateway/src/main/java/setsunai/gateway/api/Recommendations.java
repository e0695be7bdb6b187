package setsunai.gateway.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "Titles for a mood, best first, with the songs that go with them.")
public record Recommendations(
        @Schema(description = "The mood asked for; for a `feeling`, the strongest mood read in it.",
                examples = "heartbroken", required = true) String mood,
        @Schema(description = "Only for a `feeling`: the moods it was read as and the words that decided it.")
        @JsonInclude(JsonInclude.Include.NON_NULL) Interpretation interpretation,
        @Schema(required = true) List<Item> items,
        @Schema(description = "Services that failed while composing this answer; empty when all went well.",
                required = true) List<Degradation> degraded) implements Composite {

    @Schema(name = "Recommendation", description = "One recommended title, why, and what to listen to with it.")
    public record Item(
            @Schema(required = true) TitleSummary title,
            @Schema(description = "Higher fits better; the formula is in the gateway README.", examples = "12.4",
                    required = true) double score,
            @Schema(description = "Plain sentences naming what matched.", type = SchemaType.ARRAY, required = true,
                    examples = "[\"Its themes fit heartbroken: drifting-apart (+3), long-distance (+2), first-love (+1).\", "
                            + "\"Its bittersweet ending fits heartbroken (+2).\", \"It hits hard: tearjerker 8 of 10 (+2.4).\"]")
            List<String> reasons,
            @Schema(description = "Its theme songs and the songs used in it that fit the mood.", required = true)
            List<SongPick> songs) {
    }
}
