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
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import setsunai.common.problem.Problem;
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
    @SecurityRequirements
    @Operation(operationId = "getSong", summary = "A song and the anime it is used in",
            description = "The song, then every title it is used in, in full, in one catalogue batch. If the "
                    + "catalogue fails the answer is still 200 with the song (its usages name the titles) and the "
                    + "failure named in `degraded`.")
    @APIResponse(responseCode = "200", description = "The song with its titles.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SongDetail.class),
                    examples = @ExampleObject(name = "One more time, One more chance", value = ApiDocs.SONG_DETAIL)))
    @APIResponse(responseCode = "400", description = "The slug is not a slug (lower-case words joined by '-', at most "
            + Slugs.SONG_MAX + " characters); nothing is asked downstream.",
            content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "not a slug", value = ApiDocs.BAD_SONG_SLUG)))
    @APIResponse(responseCode = "404", description = "No song has this slug.",
            content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "unknown song", value = ApiDocs.SONG_NOT_FOUND)))
    @APIResponse(responseCode = "503", description = "The songs service is unavailable.",
            headers = @Header(name = "Retry-After", description = ApiDocs.RETRY_AFTER, schema = @Schema(type = SchemaType.INTEGER)),
            content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "songs service down", value = ApiDocs.SONGS_DOWN)))
    public Uni<SongDetail> song(@Parameter(description = "Song slug.", example = "one-more-time-one-more-chance",
            schema = @Schema(type = SchemaType.STRING, pattern = Slugs.PATTERN, maxLength = Slugs.SONG_MAX))
                                @PathParam("slug") String slug) {
        return songs.detail(Slugs.require("slug", slug, Slugs.SONG_MAX, "one-more-time-one-more-chance"));
    }
}
