package setsunai.gateway.api;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A song as it relates to one title: the part it plays there and whether it fits the mood asked for. */
@Schema(description = "A song in short, with the part it plays in a title.")
public record SongPick(
        @Schema(examples = "one-more-time-one-more-chance") String slug,
        @Schema(examples = "One more time, One more chance") String title,
        @Schema(description = "Performers (or, for a score, its composers).", examples = "[\"Masayoshi Yamazaki\"]") List<String> artists,
        Integer year,
        @Schema(examples = "[\"LONGING\", \"FAREWELL\"]") List<String> moods,
        @Schema(description = "OPENING, ENDING, INSERT, THEME or SCORE in this title.", examples = "THEME") String role,
        @Schema(description = "1 for OP1/ED1 and so on.") Integer sequence,
        @Schema(description = "Whether one of its moods fits the mood asked for (false when no mood was asked).") boolean fitsMood) {
}
