package setsunai.gateway.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import setsunai.common.problem.Problem;
import setsunai.gateway.api.MoodView;
import setsunai.gateway.service.Moods;

@Path("/api/moods")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Moods", description = "The moods the gateway understands.")
public class MoodResource {

    @Inject
    Moods moods;

    @GET
    @SecurityRequirements
    @Operation(operationId = "listMoods", summary = "The moods", description = "Each mood with a description and what it "
            + "looks for: catalogue tags and title endings with the points they earn, and the song moods that fit. No downstream call.")
    @APIResponse(responseCode = "200", description = "Every mood, by name.", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = MoodView.class)))
    public List<MoodView> list() {
        return moods.all();
    }
}
