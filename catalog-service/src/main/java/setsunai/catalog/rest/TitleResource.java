package setsunai.catalog.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import setsunai.common.vocabulary.Ending;
import setsunai.common.vocabulary.Format;
import setsunai.catalog.api.SimilarTitle;
import setsunai.catalog.api.TitleInput;
import setsunai.catalog.api.TitleView;
import setsunai.catalog.service.TitleEditor;
import setsunai.catalog.service.TitleService;
import setsunai.catalog.api.TitleSearch;
import setsunai.catalog.api.TitleSort;
import setsunai.common.problem.Problem;
import setsunai.common.web.ImportReport;
import setsunai.common.web.NdjsonLines;
import setsunai.common.web.Page;
import setsunai.common.web.PageLinks;
import setsunai.common.web.PageRequest;
import setsunai.common.web.Preconditions;
import setsunai.common.web.QueryParams;

@Path("/api/titles")
@Produces(MediaType.APPLICATION_JSON)
public class TitleResource {

    static final int MAX_BATCH = 100;

    /** Two NDJSON lines; ImportExampleFilter keeps them as one text in the OpenAPI document. */
    static final String IMPORT_EXAMPLE = """
            {"slug":"my-title","title":"My Title","format":"TV","tags":["grief"],"ending":"OPEN","tearjerker":6}
            {"slug":"another-title","title":"Another Title","format":"MOVIE","tags":["first-love"],"ending":"HOPEFUL","tearjerker":4}
            """;

    @Inject
    TitleService service;

    @Inject
    TitleEditor editor;

    /** Page type with a concrete item type, for the OpenAPI schema. */
    @Schema(name = "TitlePage", description = "One page of titles.")
    public record TitlePage(
            @Schema(required = true) List<TitleView> items,
            @Schema(required = true, examples = "1") int page,
            @Schema(required = true, examples = "20") int size,
            @Schema(required = true, examples = "57") long totalItems,
            @Schema(required = true, examples = "3") int totalPages,
            @Schema(description = "Only with `id`, and then always (empty when every id is known): the ids asked for "
                    + "that name no title in the catalogue, normalised (`MAL:023273` is `mal:23273`), in the order given, "
                    + "each once. Whether an id is known does not depend on the other filters or the page.",
                    examples = "[\"mal:999999\"]")
            @JsonInclude(JsonInclude.Include.NON_NULL) List<String> notFound) {

        static TitlePage of(Page<TitleView> page, List<String> notFound) {
            return new TitlePage(page.items(), page.page(), page.size(), page.totalItems(), page.totalPages(), notFound);
        }
    }

    @Schema(name = "SimilarTitlePage", description = "One page of similar titles, most similar first.")
    public record SimilarTitlePage(
            @Schema(required = true) List<SimilarTitle> items,
            @Schema(required = true, examples = "1") int page,
            @Schema(required = true, examples = "10") int size,
            @Schema(required = true, examples = "14") long totalItems,
            @Schema(required = true, examples = "2") int totalPages) {
    }

    @GET
    @SecurityRequirements
    @Tag(name = "Titles", description = "Search, browse and read anime titles, and find similar ones.")
    @Operation(operationId = "searchTitles", summary = "Search and browse titles",
            description = "Full-text search over English, native and alternative titles and the synopsis "
                    + "(case- and accent-insensitive, typo-tolerant), with filters. Filters combine with AND; repeatable "
                    + "ones take several values (`format=TV&format=MOVIE`). Repeat `slug` (up to 100) for a batch lookup "
                    + "in one call: unknown slugs are simply absent. Repeat `id` (up to 100) for a batch lookup by provider "
                    + "id (`mal:23273`, `anilist:20665`, `anidb:…`, `kitsu:…`, `bangumi:…`) or slug (`slug:anohana`): the "
                    + "page then lists in `notFound` the ids that name no title. Answers a page with a `Link` header "
                    + "(first, prev, next, last).")
    @APIResponse(responseCode = "200", description = "A page of titles.",
            headers = {@Header(name = "Link", description = "RFC 8288 links: first, prev, next, last.",
                            schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = "ETag", description = "Send it back in If-None-Match to get a 304.",
                            schema = @Schema(type = SchemaType.STRING))},
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TitlePage.class)))
    @APIResponse(responseCode = "304", description = ApiDocs.NOT_MODIFIED)
    @APIResponse(responseCode = "400", description = ApiDocs.BAD_REQUEST, content = @Content(mediaType = ApiDocs.PROBLEM,
            schema = @Schema(implementation = Problem.class),
            examples = {@ExampleObject(name = "unknown format", value = ApiDocs.BAD_REQUEST_EXAMPLE),
                    @ExampleObject(name = "malformed id", value = ApiDocs.BAD_ID_EXAMPLE)}))
    // Swagger UI's Try it out sends every example at once: together they find one real item, not an empty page.
    public Response search(
            @Parameter(description = "Search text (up to 200 characters): words of a title in any of its names, or of "
                    + "the synopsis; `-word` excludes a word. Case and accents do not matter; when the words match nothing, titles "
                    + "close to the text despite typos are returned instead. Default sort becomes relevance.",
                    example = "violet evergarden") @QueryParam("q") String q,
            @Parameter(description = "Release format; repeatable (any of).",
                    schema = @Schema(type = SchemaType.ARRAY, implementation = Format.class),
                    examples = @ExampleObject(name = "TV or film", value = "[\"TV\", \"MOVIE\"]"))
            @QueryParam("format") List<String> format,
            @Parameter(description = "Tag from GET /api/tags; repeatable, a title must have **all** of them.",
                    examples = @ExampleObject(name = "one tag", value = "[\"letters\"]")) @QueryParam("tag") List<String> tag,
            @Parameter(description = "Tag; repeatable, a title must have **at least one** of them (e.g. the tags of a "
                    + "mood, in one call).", examples = @ExampleObject(name = "either tag", value = "[\"grief\", \"death\"]"))
            @QueryParam("anyTag") List<String> anyTag,
            @Parameter(description = "Tag; repeatable, titles with any of them are left out.",
                    examples = @ExampleObject(name = "no cheating", value = "[\"cheating\"]"))
            @QueryParam("excludeTag") List<String> excludeTag,
            @Parameter(description = "How the story ends; repeatable (any of).",
                    schema = @Schema(type = SchemaType.ARRAY, implementation = Ending.class),
                    examples = @ExampleObject(name = "hopeful or bittersweet", value = "[\"HOPEFUL\", \"BITTERSWEET\"]"))
            @QueryParam("ending") List<String> ending,
            @Parameter(description = "Studio name, case- and accent-insensitive (see GET /api/studios).",
                    example = "Kyoto Animation") @QueryParam("studio") String studio,
            @Parameter(description = "Streaming service key (`netflix`, `prime`, `crunchyroll`, `disneyplus`, …: the "
                    + "`service` of a title's `streaming` links); repeatable, a title matches when it has a link to "
                    + "**any** of them. A key no title links to is a 400 that lists the known ones.",
                    examples = @ExampleObject(name = "Netflix or Crunchyroll", value = "[\"netflix\", \"crunchyroll\"]"))
            @QueryParam("streaming") List<String> streaming,
            @Parameter(description = "Released in or after this year.", example = "2000",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1900", maximum = "2100"))
            @QueryParam("yearFrom") String yearFrom,
            @Parameter(description = "Released in or before this year.", example = "2020",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1900", maximum = "2100"))
            @QueryParam("yearTo") String yearTo,
            @Parameter(description = "Tearjerker score at least this (1 to 10).", example = "7",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "10"))
            @QueryParam("minTearjerker") String minTearjerker,
            @Parameter(description = "Batch lookup: a title slug, repeatable up to 100 times.",
                    schema = @Schema(type = SchemaType.ARRAY, implementation = String.class, maxItems = MAX_BATCH),
                    examples = @ExampleObject(name = "two titles", value = "[\"violet-evergarden\", \"your-lie-in-april\"]"))
            @QueryParam("slug") List<String> slug,
            @Parameter(description = "Batch lookup by title id, repeatable up to 100 times: a provider id `mal:<digits>`, "
                    + "`anilist:<digits>`, `anidb:<digits>`, `kitsu:<digits>` or `bangumi:<digits>` (the provider in any "
                    + "case, leading zeros dropped), or `slug:<title slug>`. Titles named by any of them; the ids that "
                    + "name no title are listed in the answer's `notFound`. Combines with the other filters like `slug`.",
                    schema = @Schema(type = SchemaType.ARRAY, implementation = String.class, maxItems = MAX_BATCH),
                    examples = @ExampleObject(name = "several providers",
                            value = "[\"mal:33352\", \"anilist:20665\", \"slug:anohana-the-movie\", \"mal:999999\"]"))
            @QueryParam("id") List<String> id,
            @Parameter(description = "`relevance` (the default with `q`: the exact English title first, then titles with all the words in "
                    + "one of their names, then the other matches; by title within each), `title` (the default "
                    + "otherwise), `year`, `tearjerker`; prefix `-` for descending, e.g. `-tearjerker` for the "
                    + "hardest-hitting first. Ties are broken by title.", example = "-tearjerker",
                    schema = @Schema(type = SchemaType.STRING, enumeration = {"relevance", "-relevance", "title", "-title",
                            "year", "-year", "tearjerker", "-tearjerker"})) @QueryParam("sort") String sort,
            @Parameter(description = ApiDocs.PAGE, example = "1", schema = @Schema(type = SchemaType.INTEGER, minimum = "1",
                    maximum = ApiDocs.MAX_PAGE, defaultValue = "1")) @QueryParam("page") String page,
            @Parameter(description = ApiDocs.SIZE, example = "20", schema = @Schema(type = SchemaType.INTEGER, minimum = "1",
                    maximum = "100", defaultValue = "20")) @QueryParam("size") String size,
            @Context UriInfo uri) {
        QueryParams params = new QueryParams();
        String text = params.searchText("q", q);
        Integer from = params.integer("yearFrom", yearFrom, 1900, 2100);
        Integer to = params.integer("yearTo", yearTo, 1900, 2100);
        if (from != null && to != null && from > to) {
            params.error("yearTo", "must not be before yearFrom (" + from + "), got " + to);
        }
        boolean descending = sort != null && sort.trim().startsWith("-");
        // `sort=` reaches us as null; it is a mistake too, not "no sort".
        TitleSort order = sortOrder(params, sort == null && uri.getQueryParameters().containsKey("sort") ? "" : sort);
        if (order == null) {
            order = text != null ? TitleSort.RELEVANCE : TitleSort.TITLE;
        }
        TitleSearch criteria = new TitleSearch(text,
                params.enumValues("format", format, Format.class),
                params.strings("tag", lower(tag), 30),
                params.strings("anyTag", lower(anyTag), 30),
                params.strings("excludeTag", lower(excludeTag), 30),
                params.enumValues("ending", ending, Ending.class),
                studio == null || studio.isBlank() ? null : studio.trim(),
                params.strings("streaming", lower(streaming), 30),
                from, to,
                params.integer("minTearjerker", minTearjerker, 1, 10),
                params.strings("slug", slug, MAX_BATCH),
                IdParameter.parse(params, id, MAX_BATCH),
                order, descending);
        PageRequest pageRequest = params.page(page, size);
        params.validate();
        Page<TitleView> found = service.search(criteria, pageRequest);
        if (criteria.ids().isEmpty()) {
            return PageLinks.ok(found, uri).build();
        }
        return Response.ok(TitlePage.of(found, service.notFound(criteria.ids())))
                .header("Link", PageLinks.header(found, uri)).build();
    }

    @GET
    @Path("/{slug}")
    @SecurityRequirements
    @Tag(name = "Titles")
    @Operation(operationId = "getTitle", summary = "One title", description = "The title with its facts and emotional facets. The ETag is the "
            + "title's version: send it in If-None-Match for a 304, or in If-Match to update it.")
    @APIResponse(responseCode = "200", description = "The title.",
            headers = @Header(name = "ETag", description = "The title's version, e.g. \"3\".",
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TitleView.class)))
    @APIResponse(responseCode = "304", description = ApiDocs.NOT_MODIFIED)
    @APIResponse(responseCode = "404", description = ApiDocs.NOT_FOUND)
    public Response get(@Parameter(description = "Title slug.", example = "5-centimeters-per-second") @PathParam("slug") String slug) {
        TitleView title = service.get(slug);
        return Response.ok(title).tag(Preconditions.etag(title.version())).build();
    }

    @GET
    @Path("/{slug}/similar")
    @SecurityRequirements
    @Tag(name = "Titles")
    @Operation(operationId = "listSimilarTitles", summary = "Titles similar to one title", description = "Titles sharing at least one theme, most similar "
            + "first. `similarity` (0 to 1) is 80% theme overlap (rare themes weigh more than common ones, and unrelated "
            + "themes lower it), 15% the same ending and 5% the same format; `sharedTags` says which themes match.")
    @APIResponse(responseCode = "200", description = "A page of similar titles.",
            headers = @Header(name = "Link", description = "RFC 8288 links: first, prev, next, last.",
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SimilarTitlePage.class)))
    @APIResponse(responseCode = "304", description = ApiDocs.NOT_MODIFIED)
    @APIResponse(responseCode = "400", description = ApiDocs.BAD_REQUEST)
    @APIResponse(responseCode = "404", description = ApiDocs.NOT_FOUND)
    public Response similar(
            @Parameter(description = "Title slug.", example = "your-lie-in-april") @PathParam("slug") String slug,
            @Parameter(description = ApiDocs.PAGE, example = "1", schema = @Schema(type = SchemaType.INTEGER, minimum = "1",
                    maximum = ApiDocs.MAX_PAGE, defaultValue = "1")) @QueryParam("page") String page,
            @Parameter(description = ApiDocs.SIZE + " Default 10.", example = "10", schema = @Schema(type = SchemaType.INTEGER,
                    minimum = "1", maximum = "100", defaultValue = "10")) @QueryParam("size") String size,
            @Context UriInfo uri) {
        QueryParams params = new QueryParams();
        PageRequest pageRequest = new PageRequest(
                params.integer("page", page, 1, Integer.MAX_VALUE / PageRequest.MAX_SIZE, 1),
                params.integer("size", size, 1, PageRequest.MAX_SIZE, 10));
        params.validate();
        Page<SimilarTitle> result = service.similar(slug, pageRequest);
        return PageLinks.ok(result, uri).build();
    }

    @POST
    @RolesAllowed("editor")
    @Consumes(MediaType.APPLICATION_JSON)
    @Tag(name = "Editing", description = "Editor-only writes: a bearer JWT with `editor` in its groups claim.")
    @Operation(operationId = "createTitle", summary = "Create a title", description = "Editors only (bearer JWT with `editor` in groups). "
            + "Answers 201 with the title, its Location and its ETag.")
    @APIResponse(responseCode = "201", description = "Created.",
            headers = {@Header(name = "Location", description = "URL of the new title.",
                            schema = @Schema(type = SchemaType.STRING, format = "uri")),
                    @Header(name = "ETag", description = "Its version, for a later If-Match.",
                            schema = @Schema(type = SchemaType.STRING))},
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TitleView.class)))
    @APIResponse(responseCode = "400", description = ApiDocs.BAD_REQUEST + " Also malformed JSON.")
    @APIResponse(responseCode = "401", description = ApiDocs.UNAUTHORIZED)
    @APIResponse(responseCode = "403", description = ApiDocs.FORBIDDEN)
    @APIResponse(responseCode = "409", description = "A title with this slug exists already.")
    @APIResponse(responseCode = "413", description = "Body over 2 MB.")
    @APIResponse(responseCode = "415", description = "Content-Type is not application/json.")
    public Response create(@RequestBody(description = "The new title.", required = true)
                           @NotNull(message = "a JSON title is required") @Valid TitleInput input,
                           @Context UriInfo uri) {
        TitleView created = editor.create(input);
        return Response.created(uri.getBaseUriBuilder().path("api/titles").path(created.slug()).build())
                .tag(Preconditions.etag(created.version()))
                .entity(created)
                .build();
    }

    @PUT
    @Path("/{slug}")
    @RolesAllowed("editor")
    @Consumes(MediaType.APPLICATION_JSON)
    @Tag(name = "Editing")
    @Operation(operationId = "replaceTitle", summary = "Replace a title", description = "Editors only. Send the whole title (as for POST; the slug "
            + "must stay the same) with `If-Match` set to the ETag of your last GET: 428 without it, 412 if someone "
            + "changed the title since, so no edit silently overwrites another.")
    @APIResponse(responseCode = "200", description = "Updated (or unchanged); the new ETag is in the header.",
            headers = @Header(name = "ETag", description = "The new version.", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TitleView.class)))
    @APIResponse(responseCode = "400", description = ApiDocs.BAD_REQUEST)
    @APIResponse(responseCode = "401", description = ApiDocs.UNAUTHORIZED)
    @APIResponse(responseCode = "403", description = ApiDocs.FORBIDDEN)
    @APIResponse(responseCode = "404", description = ApiDocs.NOT_FOUND)
    @APIResponse(responseCode = "412", description = "The title changed since your GET: read it again and re-apply.")
    @APIResponse(responseCode = "415", description = "Content-Type is not application/json.")
    @APIResponse(responseCode = "428", description = "If-Match is missing.")
    public Response replace(
            @Parameter(description = "Title slug.", example = "your-lie-in-april") @PathParam("slug") String slug,
            @Parameter(in = ParameterIn.HEADER, description = "The ETag from your last GET of this title.", example = "\"1\"",
                    required = true) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @RequestBody(description = "The whole title.", required = true)
            @NotNull(message = "a JSON title is required") @Valid TitleInput input) {
        long version = Preconditions.requiredVersion(ifMatch);
        TitleView updated = editor.replace(slug, version, input);
        return Response.ok(updated).tag(Preconditions.etag(updated.version())).build();
    }

    @DELETE
    @Path("/{slug}")
    @RolesAllowed("editor")
    @Tag(name = "Editing")
    @Operation(operationId = "deleteTitle", summary = "Delete a title", description = "Editors only. With `If-Match`, only if the title is still "
            + "at that version. Songs that point at the slug keep pointing at it; the gateway reports them as unknown.")
    @APIResponse(responseCode = "204", description = "Deleted.")
    @APIResponse(responseCode = "401", description = ApiDocs.UNAUTHORIZED)
    @APIResponse(responseCode = "403", description = ApiDocs.FORBIDDEN)
    @APIResponse(responseCode = "404", description = ApiDocs.NOT_FOUND)
    @APIResponse(responseCode = "412", description = "If-Match was given and the title has changed since.")
    public Response delete(
            @Parameter(description = "Title slug.", example = "your-lie-in-april") @PathParam("slug") String slug,
            @Parameter(in = ParameterIn.HEADER, description = "Optional: delete only if still at this ETag.", example = "\"1\"")
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        editor.delete(slug, ifMatch == null || ifMatch.isBlank() ? null : Preconditions.requiredVersion(ifMatch));
        return Response.noContent().build();
    }

    @POST
    @Path("/import")
    @RolesAllowed("editor")
    @Consumes(NdjsonLines.MEDIA_TYPE)
    @Tag(name = "Editing")
    @Operation(operationId = "importTitles", summary = "Import titles (NDJSON)", description = "Editors only. One title per line, in the TitleInput "
            + "shape; upserts by slug. Each line is stored on its own, so a bad line never loses the good ones: the "
            + "answer counts created, updated and unchanged titles and lists every rejected line with its errors.")
    @APIResponse(responseCode = "200", description = "What the import did.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImportReport.class),
                    examples = @ExampleObject(name = "one bad line", value = """
                            {"created":1,"updated":1,"unchanged":0,"rejected":[{"line":2,"slug":"bad-one",
                             "errors":[{"field":"tearjerker","message":"must be less than or equal to 10"}]}]}""")))
    @APIResponse(responseCode = "401", description = ApiDocs.UNAUTHORIZED)
    @APIResponse(responseCode = "403", description = ApiDocs.FORBIDDEN)
    @APIResponse(responseCode = "413", description = "Body over 2 MB: split the file.")
    @APIResponse(responseCode = "415", description = "Content-Type is not application/x-ndjson.")
    public ImportReport importTitles(
            @RequestBody(description = "One JSON title per line.", required = true,
                    content = @Content(mediaType = NdjsonLines.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING),
                            examples = @ExampleObject(name = ImportExampleFilter.NAME, value = IMPORT_EXAMPLE)))
            InputStream body) {
        return editor.importLines(body);
    }


    /** One optional leading '-', then a known order; `sort=`, `sort=-` and `sort=--title` are mistakes, not defaults. */
    private static TitleSort sortOrder(QueryParams params, String sort) {
        if (sort == null) {
            return null;
        }
        String name = sort.strip();
        name = name.startsWith("-") ? name.substring(1) : name;
        if (name.isEmpty() || !name.chars().allMatch(Character::isLetter)) {
            params.error("sort", "unknown value '" + sort + "'; allowed values: " + Arrays.stream(TitleSort.values())
                    .map(v -> v.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "))
                    + " (prefix - for descending)");
            return null;
        }
        return params.enumValue("sort", name, TitleSort.class);
    }

    private static List<String> lower(List<String> values) {
        return values == null ? null : values.stream().map(v -> v.toLowerCase(Locale.ROOT)).toList();
    }
}
