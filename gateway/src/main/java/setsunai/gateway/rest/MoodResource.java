package setsunai.gateway.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
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
    @APIResponse(responseCode = "429", description = ApiDocs.TOO_MANY,
            headers = {@Header(name = "Retry-After", description = ApiDocs.RETRY_AFTER, schema = @Schema(type = SchemaType.INTEGER)),
                    @Header(name = "RateLimit", description = ApiDocs.RATE_LIMIT, schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = "RateLimit-Policy", description = ApiDocs.RATE_LIMIT_POLICY, schema = @Schema(type = SchemaType.STRING))},
            content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "too many", value = ApiDocs.TOO_MANY_EXAMPLE)))
    public List<MoodView> list() {
        return moods.all();
    }
}
