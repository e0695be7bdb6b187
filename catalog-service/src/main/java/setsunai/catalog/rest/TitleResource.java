package setsunai.catalog.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import setsunai.catalog.service.TitleService;
import setsunai.common.problem.Problem;
import setsunai.common.web.PageLinks;
import setsunai.common.web.QueryParams;

@Path("/api/titles")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Titles", description = "Search, browse and read anime titles.")
public class TitleResource {

    static final int MAX_BATCH = 100;

    @Inject
    TitleService service;

    @GET
    @Operation(summary = "Browse titles", description = "Titles ordered by English title, one page at a time. "
            + "Repeat `slug` (up to 100) to fetch many titles in one call; unknown slugs are simply absent.")
    @APIResponse(responseCode = "200", description = "A page of titles, with a Link header (first, prev, next, last).")
    @APIResponse(responseCode = "400", description = "Invalid parameter.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response list(
            @Parameter(description = "Batch lookup: a title slug, repeatable up to 100 times.", example = "your-lie-in-april")
            @QueryParam("slug") List<String> slugs,
            @Parameter(description = "1-based page number.", example = "1") @QueryParam("page") String page,
            @Parameter(description = "Page size, 1 to 100.", example = "20") @QueryParam("size") String size,
            @Context UriInfo uri) {
        QueryParams params = new QueryParams();
        var slugList = params.strings("slug", slugs, MAX_BATCH);
        var pageRequest = params.page(page, size);
        params.validate();
        return PageLinks.ok(service.list(slugList, pageRequest), uri).build();
    }

    @GET
    @Path("/{slug}")
    @Operation(summary = "One title")
    @APIResponse(responseCode = "200", description = "The title.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TitleView.class)))
    @APIResponse(responseCode = "404", description = "No title has this slug.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public TitleView get(@Parameter(description = "Title slug.", example = "5-centimeters-per-second") @PathParam("slug") String slug) {
        return service.get(slug);
    }
}
