package setsunai.catalog.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
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
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import setsunai.catalog.api.StudioView;
import setsunai.catalog.api.TagView;
import setsunai.catalog.service.TitleService;
import setsunai.common.web.PageLinks;
import setsunai.common.web.PageRequest;
import setsunai.common.web.QueryParams;

@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Vocabulary", description = "The tags and studios titles use, with counts: what the filters accept.")
public class VocabularyResource {

    @Inject
    TitleService service;

    @Schema(name = "TagPage", description = "One page of tags.")
    public record TagPage(
            @Schema(required = true) List<TagView> items,
            @Schema(required = true, examples = "1") int page,
            @Schema(required = true, examples = "100") int size,
            @Schema(required = true, examples = "42") long totalItems,
            @Schema(required = true, examples = "1") int totalPages) {
    }

    @Schema(name = "StudioPage", description = "One page of studios.")
    public record StudioPage(
            @Schema(required = true) List<StudioView> items,
            @Schema(required = true, examples = "1") int page,
            @Schema(required = true, examples = "100") int size,
            @Schema(required = true, examples = "35") long totalItems,
            @Schema(required = true, examples = "1") int totalPages) {
    }

    @GET
    @Path("/tags")
    @SecurityRequirements
    @Operation(operationId = "listTags", summary = "The tag vocabulary", description = "Every theme with its description and how many titles "
            + "carry it, most used first. Tags are what `tag`, `anyTag` and `excludeTag` accept.")
    @APIResponse(responseCode = "200", description = "A page of tags.",
            headers = @Header(name = "Link", description = "RFC 8288 links: first, prev, next, last.",
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TagPage.class)))
    @APIResponse(responseCode = "304", description = "The ETag sent in If-None-Match still matches.")
    @APIResponse(responseCode = "400", description = "Invalid page or size.")
    public Response tags(@Parameter(description = ApiDocs.PAGE, example = "1", schema = @Schema(type = SchemaType.INTEGER,
                                 minimum = "1", maximum = ApiDocs.MAX_PAGE, defaultValue = "1")) @QueryParam("page") String page,
                         @Parameter(description = ApiDocs.SIZE + " Default 100.", example = "100", schema = @Schema(type = SchemaType.INTEGER,
                                 minimum = "1", maximum = "100", defaultValue = "100")) @QueryParam("size") String size,
                         @Context UriInfo uri) {
        return PageLinks.ok(service.tags(page(page, size)), uri).build();
    }

    @GET
    @Path("/studios")
    @SecurityRequirements
    @Operation(operationId = "listStudios", summary = "Studios", description = "Every studio named by a title, with how many titles it made, "
            + "most titles first. Names are what `studio` accepts.")
    @APIResponse(responseCode = "200", description = "A page of studios.",
            headers = @Header(name = "Link", description = "RFC 8288 links: first, prev, next, last.",
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = StudioPage.class)))
    @APIResponse(responseCode = "304", description = "The ETag sent in If-None-Match still matches.")
    @APIResponse(responseCode = "400", description = "Invalid page or size.")
    public Response studios(@Parameter(description = ApiDocs.PAGE, example = "1", schema = @Schema(type = SchemaType.INTEGER,
                                 minimum = "1", maximum = ApiDocs.MAX_PAGE, defaultValue = "1")) @QueryParam("page") String page,
                            @Parameter(description = ApiDocs.SIZE + " Default 100.", example = "100", schema = @Schema(type = SchemaType.INTEGER,
                                 minimum = "1", maximum = "100", defaultValue = "100")) @QueryParam("size") String size,
                            @Context UriInfo uri) {
        return PageLinks.ok(service.studios(page(page, size)), uri).build();
    }

    private static PageRequest page(String page, String size) {
        QueryParams params = new QueryParams();
        PageRequest request = new PageRequest(
                params.integer("page", page, 1, Integer.MAX_VALUE / PageRequest.MAX_SIZE, 1),
                params.integer("size", size, 1, PageRequest.MAX_SIZE, PageRequest.MAX_SIZE));
        params.validate();
        return request;
    }
}
