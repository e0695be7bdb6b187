package setsunai.gateway.api;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The parameters of GET /api/recommendations as a JSON body (POST), for exclude lists too long for a URL. Read
 * strictly by RecommendationResource: a field it does not know is a 400 naming it (a typo such as "exlude" would
 * otherwise silently exclude nothing).
 */
@Schema(name = "RecommendationQuery", description = "The query parameters of GET /api/recommendations, as JSON.",
        examples = "{\"mood\": \"heartbroken\", \"format\": [\"TV\"], \"exclude\": [\"5-centimeters-per-second\", \"mal:23273\"], "
                + "\"page\": 1, \"size\": 10}")
public record RecommendationQuery(
        @Schema(description = "A mood from GET /api/moods; give either `mood` or `feeling`.", examples = "heartbroken")
        String mood,
        @Schema(description = "Instead of `mood`: how you feel, in your own words (at most 200 characters).",
                examples = "I just got dumped and can't stop thinking about her") String feeling,
        @Schema(description = "Only these formats: MOVIE, TV, OVA, ONA, SPECIAL.", examples = "[\"TV\"]") List<String> format,
        @Schema(description = "Only these endings: TRAGIC, BITTERSWEET, OPEN, HOPEFUL.", examples = "[\"BITTERSWEET\"]") List<String> ending,
        @Schema(description = "Only titles on one of these streaming services, up to 20 service keys (`netflix`).",
                examples = "[\"netflix\", \"crunchyroll\"]") List<String> streaming,
        @Schema(description = "Titles to leave out, up to 500: slugs or provider ids (`mal:23273`, `anilist:9989`).",
                examples = "[\"5-centimeters-per-second\", \"mal:23273\"]") List<String> exclude,
        @Schema(description = "How much variety, 0 to 1 (default 0.3; 0 is the ranking by fit alone).",
                examples = "0.3", minimum = "0", maximum = "1") Double diversity,
        @Schema(description = "1-based page number.", examples = "1") Integer page,
        @Schema(description = "Page size, 1 to 100 (default 10).", examples = "10") Integer size,
        @Schema(description = "The older name of `size` (1 to 50); if both are given they must be equal.", examples = "10") Integer limit) {

    /** The field names, in the order above: anything else in a body is a mistake. */
    public static final java.util.Set<String> FIELDS = java.util.Arrays.stream(RecommendationQuery.class.getRecordComponents())
            .map(java.lang.reflect.RecordComponent::getName)
            .collect(java.util.stream.Collectors.toCollection(java.util.LinkedHashSet::new));
}
