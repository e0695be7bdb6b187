package setsunai.gateway.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "One title picked at random among those that fit the mood and filters best, weighted by how "
        + "well each fits; the same `seed` over the same data gives the same answer.")
public record Surprise(
        @Schema(description = "The seed the pick was drawn with: the one asked for, or a new one (0 to 2^53 − 1, so "
                + "that a JavaScript number holds it exactly). Ask again with it to get this answer again.",
                type = SchemaType.INTEGER, format = "int64", examples = "4242", required = true) long seed,
        @Schema(description = "The mood asked for; for a `feeling`, the strongest mood read in it.",
                examples = "grieving", required = true) String mood,
        @Schema(description = "Only for a `feeling`: the moods it was read as and the words that decided it.")
        @JsonInclude(JsonInclude.Include.NON_NULL) Interpretation interpretation,
        @Schema(description = "The pick, with its score, reasons (the last one says what chance it had) and songs; "
                + "null when no title fits the mood and filters (after `exclude`).", nullable = true)
        Recommendations.Item item,
        @Schema(description = "How many titles the pick was drawn among: those that fit with at least a share (55%) "
                + "of the best fit, excluded titles not counted.", examples = "62", required = true) int candidates,
        @Schema(description = "Values of `exclude` that matched none of the titles that fit, so they were ignored "
                + "(as in GET /api/recommendations).", examples = "[\"mal:999999\"]", required = true)
        List<String> excludeUnmatched,
        @Schema(description = "Services that failed while composing this answer; empty when all went well.",
                required = true) List<Degradation> degraded) implements Composite {
}
