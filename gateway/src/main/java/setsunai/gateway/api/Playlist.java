package setsunai.gateway.api;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import setsunai.common.vocabulary.SongMood;
import setsunai.common.vocabulary.UsageRole;

@Schema(description = "Songs for a mood, each with the anime it comes from.")
public record Playlist(
        @Schema(examples = "heartbroken", required = true) String mood,
        @Schema(examples = "You just went through a breakup or a love that did not work out: stories of love lost, "
                + "unanswered or betrayed, and the songs to cry to.", required = true) String description,
        @Schema(required = true) List<Entry> songs,
        @Schema(description = "Values of `exclude` that match no title in the catalogue, so they were ignored (see "
                + "`excludeUnmatched` of GET /api/recommendations).", examples = "[\"mal:999999\"]",
                required = true) List<String> excludeUnmatched,
        @Schema(description = "Services that failed while composing this answer; empty when all went well.",
                required = true) List<Degradation> degraded) implements Composite {

    @Schema(name = "PlaylistEntry")
    public record Entry(
            @Schema(examples = "one-more-time-one-more-chance", required = true) String slug,
            @Schema(examples = "One more time, One more chance", required = true) String title,
            @Schema(examples = "[\"Masayoshi Yamazaki\"]", required = true) List<String> artists,
            @Schema(examples = "1997", nullable = true) Integer year,
            @Schema(type = SchemaType.ARRAY, implementation = SongMood.class, examples = "[\"LONGING\", \"FAREWELL\"]",
                    required = true) List<String> moods,
            @Schema(description = "Its moods that fit the mood asked for.", type = SchemaType.ARRAY,
                    implementation = SongMood.class, examples = "[\"FAREWELL\"]", required = true) List<String> matchedMoods,
            @Schema(description = "Where it plays.", required = true) List<Anime> anime) {
    }

    @Schema(name = "PlaylistAnime")
    public record Anime(
            @Schema(type = SchemaType.STRING, implementation = UsageRole.class, required = true) String role,
            @Schema(description = "1 for OP1/ED1 and so on.", examples = "1", nullable = true) Integer sequence,
            @Schema(required = true) TitleSummary title) {
    }
}
