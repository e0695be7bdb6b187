package setsunai.gateway.service;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import setsunai.gateway.client.CatalogTitle;
import setsunai.gateway.client.SongsSong;

/** A title with its soundtrack. */
@Schema(description = "A title, the songs that carry it, and what could not be fetched.")
public record TitleDetail(
        CatalogTitle title,
        @Schema(description = "Songs used in this title: openings, endings, inserts, themes and score.") List<SongsSong> soundtrack,
        @Schema(description = "Services that failed while composing this answer; empty when all went well.") List<Degradation> degraded) {
}
