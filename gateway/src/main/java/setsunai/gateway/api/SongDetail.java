package setsunai.gateway.api;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import setsunai.gateway.client.CatalogTitle;
import setsunai.gateway.client.SongsSong;

@Schema(description = "A song and the anime it leads to.")
public record SongDetail(
        @Schema(required = true) SongsSong song,
        @Schema(description = "The titles the song is used in, in full, in the order of its usages.",
                required = true) List<CatalogTitle> titles,
        @Schema(description = "Services that failed while composing this answer; empty when all went well.",
                required = true) List<Degradation> degraded) implements Composite {
}
