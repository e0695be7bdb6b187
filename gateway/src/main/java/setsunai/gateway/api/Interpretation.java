package setsunai.gateway.api;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "How a `feeling` was read: the moods the ranking blends, by weight, and the words that decided it.")
public record Interpretation(
        @Schema(description = "The moods read, strongest first; their weights add up to 1 and the ranking blends them "
                + "by these weights.") List<MoodRead> moods,
        @Schema(description = "Cues that a negation cancelled (\"not sad\", \"no longer crying\"), so they counted "
                + "for nothing or for the opposite mood.", examples = "[\"not sad\"]") List<String> negated) {

    @Schema(name = "MoodRead", description = "One mood read in the text.")
    public record MoodRead(
            @Schema(examples = "heartbroken") String name,
            @Schema(description = "Its share of the reading, 0 to 1.", examples = "0.8") double weight,
            @Schema(description = "The words of the text that pointed to it, as written.", examples = "[\"dumped\"]")
            List<String> matched) {
    }
}
