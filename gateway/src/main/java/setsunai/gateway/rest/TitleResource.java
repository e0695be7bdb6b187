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
import setsunai.common.problem.InvalidInputException;
import setsunai.common.problem.Problem;
import setsunai.gateway.api.TitleDetail;
import setsunai.gateway.service.TitleDetailService;
import setsunai.gateway.service.TitleIds;

@Path("/api/titles")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Titles", description = "A title with the songs that carry it.")
public class TitleResource {

    @Inject
    TitleDetailService titles;

    @GET
    @Path("/{id}")
    @SecurityRequirements
    @Operation(operationId = "getTitle", summary = "A title, its soundtrack and similar titles",
            description = "`{id}` is the title's slug or a provider id (`mal:23273`, `anilist:20665`, `anidb:…`, "
                    + "`kitsu:…`, `bangumi:…`; the provider in any case), which the catalogue's id lookup turns into the "
                    + "slug first: the answer is then exactly the slug's. "
                    + "Asks for the title, its songs and its similar titles in parallel, then for the similar "
                    + "titles' songs in one batch. If the songs service or the similar titles fail the answer is "
                    + "still 200, with what is known and the failure named in `degraded`.")
    @APIResponse(responseCode = "200", description = "The title with its soundtrack and similar titles.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TitleDetail.class),
                    examples = @ExampleObject(name = "5 Centimeters per Second", value = ApiDocs.TITLE_DETAIL)))
    @APIResponse(responseCode = "400", description = "The id is neither a slug (lower-case words joined by '-', at most "
            + Slugs.TITLE_MAX + " characters) nor a provider id; nothing is asked downstream.",
            content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "not a slug", value = ApiDocs.BAD_TITLE_SLUG)))
    @APIResponse(responseCode = "404", description = "No title has this slug or provider id.",
            content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "unknown title", value = ApiDocs.TITLE_NOT_FOUND)))
    @APIResponse(responseCode = "503", description = "The catalogue is unavailable.",
            headers = @Header(name = "Retry-After", description = ApiDocs.RETRY_AFTER, schema = @Schema(type = SchemaType.INTEGER)),
            content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "catalogue down", value = ApiDocs.CATALOG_DOWN)))
    public Uni<TitleDetail> title(@Parameter(description = "Title slug, or a provider id: `mal:<digits>`, "
            + "`anilist:<digits>`, `anidb:<digits>`, `kitsu:<digits>`, `bangumi:<digits>` (e.g. `mal:1689`).",
            example = "5-centimeters-per-second", schema = @Schema(type = SchemaType.STRING))
                                  @PathParam("id") String id) {
        String normalized = id == null ? null : TitleIds.normalize(id);
        if (normalized == null) {
            // the value is not echoed: it may be anything, of any length
            throw new InvalidInputException("id", "must be a title slug (lower-case words joined by '-', at most "
                    + Slugs.TITLE_MAX + " characters) or a provider id (" + String.join(", ", TitleIds.PROVIDERS.stream()
                    .map(p -> p + ":").toList()) + " and digits, e.g. mal:1689)");
        }
        return TitleIds.isProviderId(normalized) ? titles.detailByProviderId(normalized) : titles.detail(normalized);
    }
}
