package setsunai.gateway.api;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import setsunai.common.vocabulary.SongMood;
import setsunai.common.vocabulary.UsageRole;

/** A song as it relates to one title: the part it plays there and whether it fits the mood asked for. */
@Schema(description = "A song in short, with the part it plays in a title.")
public record SongPick(
        @Schema(examples = "one-more-time-one-more-chance", required = true) String slug,
        @Schema(examples = "One more time, One more chance", required = true) String title,
        @Schema(description = "Performers (or, for a score, its composers).", examples = "[\"Masayoshi Yamazaki\"]",
                required = true) List<String> artists,
        @Schema(examples = "1997", nullable = true) Integer year,
        @Schema(type = SchemaType.ARRAY, implementation = SongMood.class, examples = "[\"LONGING\", \"FAREWELL\"]",
                required = true) List<String> moods,
        // type STRING beside implementation: alone, SmallRye writes the enum's $ref next to `type: object`
        @Schema(description = "The part it plays in this title.", type = SchemaType.STRING, implementation = UsageRole.class,
                required = true)
        String role,
        @Schema(description = "1 for OP1/ED1 and so on.", examples = "1", nullable = true) Integer sequence,
        @Schema(description = "Whether one of its moods fits the mood asked for (false when no mood was asked).",
                examples = "true", required = true) boolean fitsMood) {
}
