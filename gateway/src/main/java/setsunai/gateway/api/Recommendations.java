package setsunai.gateway.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "Titles for a mood, best first, with the songs that go with them.")
public record Recommendations(
        @Schema(description = "The mood asked for; for a `feeling`, the strongest mood read in it.", examples = "heartbroken") String mood,
        @Schema(description = "Only for a `feeling`: the moods it was read as and the words that decided it.")
        @JsonInclude(JsonInclude.Include.NON_NULL) Interpretation interpretation,
        List<Item> items,
        @Schema(description = "Services that failed while composing this answer; empty when all went well.") List<Degradation> degraded) implements Composite {

    @Schema(name = "Recommendation", description = "One recommended title, why, and what to listen to with it.")
    public record Item(
            TitleSummary title,
            @Schema(description = "Higher fits better; the formula is in the gateway README.", examples = "12.4") double score,
            @Schema(description = "Plain sentences naming what matched.") List<String> reasons,
            @Schema(description = "Its theme songs and the songs used in it that fit the mood.") List<SongPick> songs) {
    }
}
