package setsunai.gateway.rest;

import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import setsunai.gateway.api.SongDetail;
import setsunai.gateway.service.SongDetailService;

@Path("/api/songs")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Songs", description = "Let a song lead you to the anime.")
public class SongResource {

    @Inject
    SongDetailService songs;

    @GET
    @Path("/{slug}")
    @Operation(operationId = "getSong", summary = "A song and the anime it is used in",
            description = "The song, then every title it is used in, in full, in one catalogue batch. If the "
                    + "catalogue fails the answer is still 200 with the song (its usages name the titles) and the "
                    + "failure named in `degraded`.")
    @APIResponse(responseCode = "200", description = "The song with its titles.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SongDetail.class)))
    @APIResponse(responseCode = "400", description = "The slug is not a slug (lower-case words joined by '-', at most "
            + Slugs.SONG_MAX + " characters); nothing is asked downstream.")
    @APIResponse(responseCode = "404", description = "No song has this slug.")
    @APIResponse(responseCode = "503", description = "The songs service is unavailable.",
            headers = @Header(name = "Retry-After", description = "Seconds to wait before asking again.",
                    schema = @Schema(type = SchemaType.INTEGER)))
    public Uni<SongDetail> song(@Parameter(description = "Song slug.", example = "one-more-time-one-more-chance",
            schema = @Schema(type = SchemaType.STRING, pattern = Slugs.PATTERN, maxLength = Slugs.SONG_MAX))
                                @PathParam("slug") String slug) {
        return songs.detail(Slugs.require("slug", slug, Slugs.SONG_MAX, "one-more-time-one-more-chance"));
    }
}
