package setsunai.gateway.api;

import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import setsunai.common.vocabulary.SongMood;

@Schema(name = "Mood", description = "A mood the gateway understands and what it looks for.")
public record MoodView(
        @Schema(examples = "heartbroken", required = true) String name,
        @Schema(examples = "You just went through a breakup or a love that did not work out: stories of love lost, "
                + "unanswered or betrayed, and the songs to cry to.", required = true) String description,
        @Schema(description = "Catalogue tags that fit, with the points a title earns for each.",
                examples = "{\"unrequited-love\": 3, \"cheating\": 3, \"love-triangle\": 2}", required = true)
        Map<String, Integer> tags,
        @Schema(description = "Title endings (TRAGIC, BITTERSWEET, OPEN, HOPEFUL) that fit, with their points.",
                examples = "{\"TRAGIC\": 2, \"BITTERSWEET\": 2}", required = true) Map<String, Integer> endings,
        @Schema(description = "Song moods that fit.", type = SchemaType.ARRAY, implementation = SongMood.class,
                examples = "[\"BREAKUP\", \"UNREQUITED\", \"FAREWELL\"]", required = true) List<String> songMoods) {
}
