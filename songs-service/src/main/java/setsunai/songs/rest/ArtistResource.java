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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import setsunai.common.web.PageLinks;
import setsunai.common.web.QueryParams;
import setsunai.songs.api.ArtistSummary;
import setsunai.songs.api.ArtistView;
import setsunai.songs.service.ArtistService;

/** Artists: read-only; they are created through the songs that credit them. */
@Path("/api/artists")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Artists", description = "Performers, composers, lyricists and arrangers, with their songs.")
public class ArtistResource {

    @Inject
    ArtistService service;

    @GET
    @SecurityRequirements
    @Operation(operationId = "listArtists", summary = "Search and browse artists", description = "Artists by name, with how many songs each is "
            + "credited on, one page at a time with a Link header. With `q`, best matches first (case-, accent- "
            + "and typo-tolerant).")
    @APIResponse(responseCode = "200", description = "A page of artists.",
            headers = @Header(name = "Link", description = "RFC 8288 links: first, prev, next, last.",
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ArtistPage.class)))
    @APIResponse(responseCode = "304", description = "Not modified: If-None-Match named the current ETag.")
    @APIResponse(responseCode = "400", description = "Invalid parameter, listed in `errors`.")
    public Response list(
            @Parameter(description = "Part of a name, at most 200 characters.", example = "kajiura")
            @QueryParam("q") String q,
            @Parameter(description = "1-based page number.", schema = @Schema(type = SchemaType.INTEGER, minimum = "1",
                    maximum = "21474836", defaultValue = "1"), example = "1")
            @QueryParam("page") String page,
            @Parameter(description = "Page size, 1 to 100.", schema = @Schema(type = SchemaType.INTEGER, minimum = "1",
                    maximum = "100", defaultValue = "20"), example = "20")
            @QueryParam("size") String size,
            @Context UriInfo uri) {
        QueryParams params = new QueryParams();
        String text = params.searchText("q", q);
        var pageRequest = params.page(page, size);
        params.validate();
        return PageLinks.ok(service.list(text, pageRequest), uri).build();
    }

    @GET
    @Path("/{slug}")
    @SecurityRequirements
    @Operation(operationId = "getArtist", summary = "One artist with their songs", description = "Every song credited to the artist, by title, "
            + "with the artist's roles on it and where it plays.")
    @APIResponse(responseCode = "200", description = "The artist.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ArtistView.class)))
    @APIResponse(responseCode = "304", description = "Not modified: If-None-Match named the current ETag.")
    @APIResponse(responseCode = "404", description = "No artist has this slug.")
    public ArtistView get(@Parameter(description = "Artist slug.", example = "supercell") @PathParam("slug") String slug) {
        return service.get(slug);
    }

    /** For the OpenAPI document only: Page<ArtistSummary> with its item type spelled out. */
    @Schema(name = "ArtistPage", description = "One page of artists.")
    record ArtistPage(
            @Schema(required = true) List<ArtistSummary> items,
            @Schema(required = true, examples = "1") int page,
            @Schema(required = true, examples = "20") int size,
            @Schema(required = true, examples = "57") long totalItems,
            @Schema(required = true, examples = "3") int totalPages) {
    }
}
