package setsunai.gateway.api;

import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Mood", description = "A mood the gateway understands and what it looks for.")
public record MoodView(
        @Schema(examples = "heartbroken") String name,
        @Schema(examples = "You just went through a breakup.") String description,
        @Schema(description = "Catalogue tags that fit, with the points a title earns for each.",
                examples = "{\"unrequited-love\": 3, \"cheating\": 3}") Map<String, Integer> tags,
        @Schema(description = "Title endings that fit, with their points.", examples = "{\"TRAGIC\": 2}") Map<String, Integer> endings,
        @Schema(description = "Song moods that fit.", examples = "[\"BREAKUP\", \"UNREQUITED\"]") List<String> songMoods) {
}
