package setsunai.gateway.rest;

import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
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
import setsunai.gateway.api.ConsistencyReport;
import setsunai.gateway.service.ConsistencyService;

@Path("/api/consistency")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Consistency", description = "Where the songs service and the catalogue disagree.")
public class ConsistencyResource {

    @Inject
    ConsistencyService consistency;

    @GET
    @SecurityRequirements
    @Operation(operationId = "getConsistencyReport", summary = "Consistency report",
            description = "Song usages naming a title slug the catalogue does not know, and titles no song is used in. "
                    + "Pages through both services (100 items a call; ceil(titles/100) + ceil(songs/100) calls) and "
                    + "is cached for 30 seconds.")
    @APIResponse(responseCode = "200", description = "The report.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ConsistencyReport.class)))
    @APIResponse(responseCode = "503", description = "A service is unavailable; half a report would mislead.",
            headers = @Header(name = "Retry-After", description = ApiDocs.RETRY_AFTER, schema = @Schema(type = SchemaType.INTEGER)),
            content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "catalogue down", value = ApiDocs.CATALOG_DOWN)))
    public Uni<ConsistencyReport> report() {
        return consistency.report();
    }
}
