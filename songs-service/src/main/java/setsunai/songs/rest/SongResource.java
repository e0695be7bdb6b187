package setsunai.songs.rest;

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
import setsunai.common.problem.Problem;
import setsunai.common.web.PageLinks;
import setsunai.common.web.QueryParams;
import setsunai.songs.service.SongService;

@Path("/api/songs")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Songs", description = "Theme and breakup songs, and where they play.")
public class SongResource {

    static final int MAX_BATCH = 100;

    @Inject
    SongService service;

    @GET
    @Operation(summary = "Browse songs", description = "Songs ordered by title, one page at a time. "
            + "Repeat `title` (a catalogue title slug, up to 100) to get all songs of many titles in one call.")
    @APIResponse(responseCode = "200", description = "A page of songs, with a Link header (first, prev, next, last).")
    @APIResponse(responseCode = "400", description = "Invalid parameter.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response list(
            @Parameter(description = "Batch lookup: a catalogue title slug, repeatable up to 100 times.", example = "5-centimeters-per-second")
            @QueryParam("title") List<String> titles,
            @Parameter(description = "1-based page number.", example = "1") @QueryParam("page") String page,
            @Parameter(description = "Page size, 1 to 100.", example = "20") @QueryParam("size") String size,
            @Context UriInfo uri) {
        QueryParams params = new QueryParams();
        var titleSlugs = params.strings("title", titles, MAX_BATCH);
        var pageRequest = params.page(page, size);
        params.validate();
        return PageLinks.ok(service.list(titleSlugs, pageRequest), uri).build();
    }

    @GET
    @Path("/{slug}")
    @Operation(summary = "One song")
    @APIResponse(responseCode = "200", description = "The song.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SongView.class)))
    @APIResponse(responseCode = "404", description = "No song has this slug.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public SongView get(@Parameter(description = "Song slug.", example = "one-more-time-one-more-chance") @PathParam("slug") String slug) {
        return service.get(slug);
    }
}
