package setsunai.gateway.rest;

import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
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
import setsunai.common.web.QueryParams;
import setsunai.gateway.api.Playlist;
import setsunai.gateway.service.MoodDef;
import setsunai.gateway.service.Moods;
import setsunai.gateway.service.PlaylistService;

@Path("/api/playlists")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Playlists", description = "Songs for a mood.")
public class PlaylistResource {

    @Inject
    Moods moods;

    @Inject
    PlaylistService playlists;

    @GET
    @Path("/{mood}")
    @SecurityRequirements
    @Operation(operationId = "getPlaylist", summary = "A playlist for a mood",
            description = "Songs whose moods fit (those matching more of the mood's song moods first), each with the "
                    + "anime it plays in. One songs call, one catalogue batch. If the catalogue fails the answer is "
                    + "still 200; each anime is then named from the song's usage and `degraded` says why.")
    @APIResponse(responseCode = "200", description = "The playlist.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Playlist.class)))
    @APIResponse(responseCode = "400", description = "Unknown mood (the known ones are listed) or a bad limit.",
            content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "bad limit", value = ApiDocs.BAD_LIMIT)))
    @APIResponse(responseCode = "503", description = "The songs service is unavailable.",
            headers = @Header(name = "Retry-After", description = ApiDocs.RETRY_AFTER, schema = @Schema(type = SchemaType.INTEGER)),
            content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "songs service down", value = ApiDocs.SONGS_DOWN)))
    public Uni<Playlist> playlist(
            @Parameter(description = "A mood from GET /api/moods.", example = "heartbroken") @PathParam("mood") String mood,
            @Parameter(description = "How many songs, 1 to 100.", example = "30", schema = @Schema(type = SchemaType.INTEGER,
                    minimum = "1", maximum = "100", defaultValue = "30")) @QueryParam("limit") String limit) {
        QueryParams params = new QueryParams();
        MoodDef found = moods.find(mood).orElse(null);
        if (found == null) {
            params.error("mood", moods.unknown(mood));
        }
        int size = params.integer("limit", limit, 1, 100, 30);
        params.validate();
        return playlists.playlist(found, size);
    }
}
