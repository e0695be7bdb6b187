package setsunai.gateway.api;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import setsunai.gateway.client.CatalogTitle;
import setsunai.gateway.client.SongsSong;

/** A title with its soundtrack and similar titles. */
@Schema(description = "A title, the songs that carry it, titles like it, and what could not be fetched.")
public record TitleDetail(
        @Schema(required = true) CatalogTitle title,
        @Schema(description = "Songs used in this title: openings, endings, inserts, themes and score.",
                required = true) List<SongsSong> soundtrack,
        @Schema(description = "Titles that share its themes, each with its top song.", required = true) List<Similar> similar,
        @Schema(description = "Services that failed while composing this answer; empty when all went well.",
                required = true) List<Degradation> degraded) implements Composite {

    @Schema(name = "SimilarTitle")
    public record Similar(
            @Schema(required = true) TitleSummary title,
            @Schema(description = "As the catalogue scores it.", examples = "0.6", minimum = "0", maximum = "1",
                    required = true) double similarity,
            @Schema(examples = "[\"first-love\", \"long-distance\"]", required = true) List<String> sharedTags,
            @Schema(description = "Its theme song, else its first opening or ending; null when unknown.", nullable = true)
            SongPick topSong) {
    }
}
