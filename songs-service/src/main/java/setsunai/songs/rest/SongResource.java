package setsunai.songs.rest;

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
import java.util.List;
import java.util.Locale;
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
import setsunai.common.problem.InvalidInputException;
import setsunai.common.problem.Problem;
import setsunai.common.web.ImportReport;
import setsunai.common.web.NdjsonLines;
import setsunai.common.web.PageLinks;
import setsunai.common.web.Preconditions;
import setsunai.common.web.QueryParams;
import setsunai.common.web.Text;
import setsunai.common.vocabulary.SongMood;
import setsunai.songs.api.SongInput;
import setsunai.songs.api.SongView;
import setsunai.common.vocabulary.UsageRole;
import setsunai.songs.service.SongImporter;
import setsunai.songs.service.SongService;
import setsunai.songs.api.SongSearch;
import setsunai.songs.api.SongSort;

/** Songs: public reads (tag Songs) and editor-only writes (tag Editing). HTTP only; the work is in the service. */
@Path("/api/songs")
@Produces(MediaType.APPLICATION_JSON)
public class SongResource {

    static final int MAX_BATCH = 100;

    /** Two NDJSON lines, the second one rejected; ImportExampleFilter keeps them as one text in the OpenAPI document. */
    static final String IMPORT_EXAMPLE = """
            {"slug": "my-song", "title": "My Song", "artists": [{"slug": "new-artist", "name": "New Artist", "role": "PERFORMER"}], "moods": ["HOPE"], "usages": [{"titleSlug": "clannad-after-story", "role": "INSERT"}]}
            {"slug": "broken", "title": "", "artists": []}
            """;

    static final String SONG_EXAMPLE = """
            {"slug": "one-more-time-one-more-chance", "title": "One more time, One more chance",
             "nativeTitle": "ワン・モア・タイム、ワン・モア・チャンス", "alternativeTitles": [], "externalIds": {},
             "artists": [{"slug": "masayoshi-yamazaki", "name": "Masayoshi Yamazaki", "role": "PERFORMER"}],
             "year": 1997, "moods": ["LONGING", "FAREWELL"],
             "description": "Yamazaki's ballad of a love that slipped away, the theme of 5 Centimeters per Second.",
             "usages": [{"titleSlug": "5-centimeters-per-second", "titleName": "5 Centimeters per Second",
                         "role": "THEME"}]}""";

    @Inject
    SongService service;

    @Inject
    SongImporter importer;

    @GET
    @SecurityRequirements
    @Tag(name = "Songs", description = "Theme and breakup songs, who made them, what they feel like and where they play.")
    @Operation(operationId = "listSongs", summary = "Search and browse songs", description = """
            Songs one page at a time, with a Link header (first, prev, next, last). All filters combine (AND).
            `q` searches song titles, native titles, alternative titles (the English translation and other names people
            know a song by: "endless poem" finds Owaranai Uta) and artist names, ignoring case and accents and forgiving typos;
            with `q` the default order is relevance, otherwise title. Repeat `title` (a catalogue title slug, up to
            100) to get all songs of many titles in one call: the gateway's batch lookup. `title` and `role` apply to
            the same usage (`title=clannad-after-story&role=ENDING` is that title's endings).""")
    @APIResponse(responseCode = "200", description = "A page of songs.",
            headers = @Header(name = "Link", description = "RFC 8288 links: first, prev, next, last.",
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SongPage.class)))
    @APIResponse(responseCode = "304", description = "Not modified: If-None-Match named the current ETag.")
    @APIResponse(responseCode = "400", description = "Invalid parameter: every problem is listed in `errors`.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "unknown mood", value = """
                            {"type": "about:blank", "title": "Bad Request", "status": 400,
                             "detail": "mood: unknown value 'sad'; allowed values: BREAKUP, UNREQUITED, FAREWELL, GRIEF, LONGING, HOPE",
                             "instance": "/api/songs",
                             "errors": [{"field": "mood", "message": "unknown value 'sad'; allowed values: BREAKUP, UNREQUITED, FAREWELL, GRIEF, LONGING, HOPE"}]}""")))
    // Swagger UI's Try it out sends every example at once: together they find one real item, not an empty page.
    public Response list(
            @Parameter(description = "Search text over song titles, native titles, alternative titles (\"endless poem\" "
                    + "finds Owaranai Uta) and artist names (case-, accent- and typo-tolerant), at most 200 characters.",
                    example = "kimi no shiranai monogatari")
            @QueryParam("q") String q,
            @Parameter(description = "Only songs crediting this artist (artist slug).", example = "supercell")
            @QueryParam("artist") String artist,
            @Parameter(description = "Only songs with any of these moods; repeatable.",
                    schema = @Schema(type = SchemaType.ARRAY, implementation = SongMood.class),
                    examples = @ExampleObject(name = "unrequited or longing", value = "[\"UNREQUITED\", \"LONGING\"]"))
            @QueryParam("mood") List<String> moods,
            @Parameter(description = "Only songs used in this role (with `title`: in this role in one of those titles).",
                    schema = @Schema(implementation = UsageRole.class), example = "ENDING")
            @QueryParam("role") String role,
            @Parameter(description = "Batch lookup: songs used in any of these catalogue title slugs; repeatable up to "
                    + "100 times.", schema = @Schema(type = SchemaType.ARRAY, implementation = String.class, maxItems = MAX_BATCH),
                    examples = @ExampleObject(name = "one title", value = "[\"bakemonogatari\"]"))
            @QueryParam("title") List<String> titles,
            @Parameter(description = "Released in or after this year.", schema = @Schema(type = SchemaType.INTEGER,
                    minimum = "1900", maximum = "2100"), example = "2000")
            @QueryParam("yearFrom") String yearFrom,
            @Parameter(description = "Released in or before this year.", schema = @Schema(type = SchemaType.INTEGER,
                    minimum = "1900", maximum = "2100"), example = "2015")
            @QueryParam("yearTo") String yearTo,
            @Parameter(description = "Order: `relevance` (default with `q`), `title` (default otherwise) or `year`; "
                    + "prefix `-` for descending.", schema = @Schema(type = SchemaType.STRING,
                    enumeration = {"relevance", "-relevance", "title", "-title", "year", "-year"}), example = "-year")
            @QueryParam("sort") String sort,
            @Parameter(description = "1-based page number.", schema = @Schema(type = SchemaType.INTEGER, minimum = "1",
                    maximum = "21474836", defaultValue = "1"), example = "1")
            @QueryParam("page") String page,
            @Parameter(description = "Page size, 1 to 100.", schema = @Schema(type = SchemaType.INTEGER, minimum = "1",
                    maximum = "100", defaultValue = "20"), example = "20")
            @QueryParam("size") String size,
            @Context UriInfo uri) {
        QueryParams params = new QueryParams();
        String text = params.searchText("q", q);
        String artistSlug = Text.blankToNull(artist);
        var moodValues = params.enumValues("mood", moods, SongMood.class);
        var roleValue = params.enumValue("role", role, UsageRole.class);
        var titleSlugs = params.strings("title", titles, MAX_BATCH);
        Integer from = params.integer("yearFrom", yearFrom, 1900, 2100);
        Integer to = params.integer("yearTo", yearTo, 1900, 2100);
        if (from != null && to != null && from > to) {
            params.error("yearFrom", "must not be after yearTo (" + from + " > " + to + ")");
        }
        boolean descending = sort != null && sort.strip().startsWith("-");
        // `sort=` reaches us as null; it is a mistake too, not "no sort".
        SongSort sortValue = sort(params, sort == null && uri.getQueryParameters().containsKey("sort") ? "" : sort,
                text != null);
        var pageRequest = params.page(page, size);
        params.validate();
        var search = new SongSearch(text, artistSlug, moodValues, roleValue, titleSlugs, from, to, sortValue, descending);
        return PageLinks.ok(service.list(search, pageRequest), uri).build();
    }

    private static SongSort sort(QueryParams params, String sort, boolean searching) {
        if (sort == null) {
            return searching ? SongSort.RELEVANCE : SongSort.TITLE;
        }
        // One optional sign, then a known order: `sort=`, `sort=-` and `sort=--title` are mistakes, not defaults.
        String name = sort.strip().replaceFirst("^[-+]", "");
        try {
            if (name.isEmpty() || !name.chars().allMatch(Character::isLetter)) {
                throw new IllegalArgumentException(name);
            }
            return SongSort.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            params.error("sort", "unknown value '" + sort + "'; allowed values: relevance, title, year "
                    + "(prefix - for descending)");
            return SongSort.TITLE;
        }
    }

    @GET
    @Path("/{slug}")
    @SecurityRequirements
    @Tag(name = "Songs")
    @Operation(operationId = "getSong", summary = "One song", description = "The song with its artists, moods and usages. Its ETag is its "
            + "version: send it back in If-Match to update it.")
    @APIResponse(responseCode = "200", description = "The song.",
            headers = @Header(name = "ETag", description = "The song's version, e.g. \"3\".",
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SongView.class)))
    @APIResponse(responseCode = "304", description = "Not modified: If-None-Match named the current ETag.")
    @APIResponse(responseCode = "404", description = "No song has this slug.")
    public Response get(@Parameter(description = "Song slug.", example = "one-more-time-one-more-chance")
                        @PathParam("slug") String slug) {
        SongView song = service.get(slug);
        return Response.ok(song).tag(Preconditions.etag(song.version())).build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("editor")
    @Tag(name = "Editing", description = "Editor-only writes: a JWT whose groups claim holds `editor`.")
    @Operation(operationId = "createSong", summary = "Create a song", description = "Artists named by a new slug are created (their `name` is "
            + "then required).")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = SongInput.class), examples = @ExampleObject(name = "song", value = SONG_EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Created; Location names the new song, ETag its version.",
            headers = {@Header(name = "Location", schema = @Schema(type = SchemaType.STRING, format = "uri")),
                       @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING))},
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SongView.class)))
    @APIResponse(responseCode = "400", description = "Invalid body: malformed JSON or invalid fields, listed in `errors`.")
    @APIResponse(responseCode = "401", description = "No valid bearer token.")
    @APIResponse(responseCode = "403", description = "The token has no `editor` role.")
    @APIResponse(responseCode = "409", description = "A song with this slug exists already.")
    @APIResponse(responseCode = "413", description = "The body is larger than 2 MB.")
    @APIResponse(responseCode = "415", description = "The body is not application/json.")
    public Response create(@NotNull @Valid SongInput body, @Context UriInfo uri) {
        if (body.slug() == null) {
            throw new InvalidInputException("slug", "must not be blank");
        }
        SongView song = service.create(body);
        return Response.created(uri.getBaseUriBuilder().path("api/songs").path(song.slug()).build())
                .tag(Preconditions.etag(song.version())).entity(song).build();
    }

    @PUT
    @Path("/{slug}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("editor")
    @Tag(name = "Editing")
    @Operation(operationId = "replaceSong", summary = "Replace a song", description = "Replaces every field, credits and usages included. "
            + "Needs If-Match with the ETag of your last GET, so no one's edit is silently overwritten.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = SongInput.class), examples = @ExampleObject(name = "song", value = SONG_EXAMPLE)))
    @APIResponse(responseCode = "200", description = "Updated; ETag is the new version.",
            headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SongView.class)))
    @APIResponse(responseCode = "400", description = "Invalid body, or a slug that differs from the path's.")
    @APIResponse(responseCode = "401", description = "No valid bearer token.")
    @APIResponse(responseCode = "403", description = "The token has no `editor` role.")
    @APIResponse(responseCode = "404", description = "No song has this slug.")
    @APIResponse(responseCode = "412", description = "Someone changed the song since your GET: GET it again.")
    @APIResponse(responseCode = "415", description = "The body is not application/json.")
    @APIResponse(responseCode = "428", description = "If-Match is missing.")
    public Response update(
            @Parameter(description = "Song slug.", example = "one-more-time-one-more-chance") @PathParam("slug") String slug,
            @Parameter(in = ParameterIn.HEADER, name = HttpHeaders.IF_MATCH, required = true,
                    description = "The ETag of your last GET of this song.", example = "\"1\"")
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull @Valid SongInput body) {
        long version = Preconditions.requiredVersion(ifMatch);
        if (body.slug() != null && !body.slug().equals(slug)) {
            throw new InvalidInputException("slug",
                    "must be '" + slug + "' (the path's slug) or left out; slugs cannot be renamed");
        }
        SongView song = service.update(slug, version, body);
        return Response.ok(song).tag(Preconditions.etag(song.version())).build();
    }

    @DELETE
    @Path("/{slug}")
    @RolesAllowed("editor")
    @Tag(name = "Editing")
    @Operation(operationId = "deleteSong", summary = "Delete a song", description = "Deletes the song with its credits and usages; its artists "
            + "stay. With If-Match, only if the song is still that version.")
    @APIResponse(responseCode = "204", description = "Deleted.")
    @APIResponse(responseCode = "401", description = "No valid bearer token.")
    @APIResponse(responseCode = "403", description = "The token has no `editor` role.")
    @APIResponse(responseCode = "404", description = "No song has this slug.")
    @APIResponse(responseCode = "412", description = "If-Match named an older version.")
    public Response delete(
            @Parameter(description = "Song slug.", example = "one-more-time-one-more-chance") @PathParam("slug") String slug,
            @Parameter(in = ParameterIn.HEADER, name = HttpHeaders.IF_MATCH,
                    description = "Optional: the ETag of your last GET; the delete then fails if the song changed since.",
                    example = "\"1\"")
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        service.delete(slug, ifMatch == null || ifMatch.isBlank() ? null : Preconditions.requiredVersion(ifMatch));
        return Response.noContent().build();
    }

    @POST
    @Path("/import")
    @Consumes(NdjsonLines.MEDIA_TYPE)
    @RolesAllowed("editor")
    @Tag(name = "Editing")
    @Operation(operationId = "importSongs", summary = "Import songs (NDJSON)", description = "One song per line (the POST body, on one line). "
            + "Lines are created or updated by slug, many at a time; a line that cannot be stored is rejected alone: "
            + "good lines are stored even when others are rejected, and the answer lists every rejected line with its "
            + "errors. Blank lines are skipped. Imports may run in parallel, new artists included.")
    @RequestBody(required = true, content = @Content(mediaType = NdjsonLines.MEDIA_TYPE,
            schema = @Schema(type = SchemaType.STRING), examples = @ExampleObject(name = ImportExampleFilter.NAME,
            value = IMPORT_EXAMPLE)))
    @APIResponse(responseCode = "200", description = "What the import did.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImportReport.class),
                    examples = @ExampleObject(name = "report", value = """
                            {"created": 1, "updated": 0, "unchanged": 0, "rejected": [{"line": 2, "slug": "broken",
                             "errors": [{"field": "artists", "message": "size must be between 1 and 50"},
                                        {"field": "title", "message": "must not be blank"}]}]}""")))
    @APIResponse(responseCode = "401", description = "No valid bearer token.")
    @APIResponse(responseCode = "403", description = "The token has no `editor` role.")
    @APIResponse(responseCode = "413", description = "The body is larger than 2 MB: split the import.")
    @APIResponse(responseCode = "415", description = "The body is not application/x-ndjson.")
    public ImportReport importSongs(InputStream body) {
        return importer.run(body);
    }

    /** For the OpenAPI document only: Page<SongView> with its item type spelled out. */
    @Schema(name = "SongPage", description = "One page of songs.")
    record SongPage(
            @Schema(required = true) List<SongView> items,
            @Schema(required = true, examples = "1") int page,
            @Schema(required = true, examples = "20") int size,
            @Schema(required = true, examples = "57") long totalItems,
            @Schema(required = true, examples = "3") int totalPages) {
    }
}
