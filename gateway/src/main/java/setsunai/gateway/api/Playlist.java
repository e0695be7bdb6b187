package setsunai.gateway.api;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "Songs for a mood, each with the anime it comes from.")
public record Playlist(
        @Schema(examples = "heartbroken") String mood,
        String description,
        List<Entry> songs,
        @Schema(description = "Values of `exclude` that matched none of the anime this playlist's songs come from, so "
                + "they were ignored (see `excludeUnmatched` of GET /api/recommendations).", examples = "[\"mal:999999\"]")
        List<String> excludeUnmatched,
        @Schema(description = "Services that failed while composing this answer; empty when all went well.") List<Degradation> degraded) implements Composite {

    @Schema(name = "PlaylistEntry")
    public record Entry(
            @Schema(examples = "one-more-time-one-more-chance") String slug,
            String title,
            List<String> artists,
            Integer year,
            List<String> moods,
            @Schema(description = "Its moods that fit the mood asked for.") List<String> matchedMoods,
            @Schema(description = "Where it plays.") List<Anime> anime) {
    }

    @Schema(name = "PlaylistAnime")
    public record Anime(
            @Schema(examples = "THEME") String role,
            Integer sequence,
            TitleSummary title) {
    }
}
