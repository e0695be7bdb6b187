package setsunai.gateway.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "Titles for a mood, best first, with the songs that go with them; one page of the ranking.")
public record Recommendations(
        @Schema(description = "The mood asked for; for a `feeling`, the strongest mood read in it.",
                examples = "heartbroken", required = true) String mood,
        @Schema(description = "Only for a `feeling`: the moods it was read as and the words that decided it.")
        @JsonInclude(JsonInclude.Include.NON_NULL) Interpretation interpretation,
        @Schema(required = true) List<Item> items,
        @Schema(description = "1-based page number.", examples = "1", required = true) int page,
        @Schema(description = "Page size asked for (`size`, or its alias `limit`).", examples = "10", required = true) int size,
        @Schema(description = "Titles that fit, across all pages (excluded titles not counted).", examples = "23",
                required = true) long totalItems,
        @Schema(description = "Number of pages (at least 1).", examples = "3", required = true) int totalPages,
        @Schema(description = "Values of `exclude` that match no title in the catalogue (an unknown slug or provider "
                + "id), in the order given, so they were ignored. A title that exists but does not fit this mood and "
                + "filters is not listed. Empty when every value names a title, or none was given. Only when the "
                + "catalogue's id lookup fails (then named in `degraded`) does it list the values that matched none "
                + "of the titles this answer is ranked from.", examples = "[\"mal:999999\"]", required = true)
        List<String> excludeUnmatched,
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
