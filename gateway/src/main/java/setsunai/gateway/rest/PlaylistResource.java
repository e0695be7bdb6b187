package setsunai.gateway.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;
import org.eclipse.microprofile.config.inject.ConfigProperty;
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
import setsunai.common.problem.Problem;
import setsunai.common.problem.ProblemException;
import setsunai.common.web.QueryParams;
import setsunai.gateway.api.JspfPlaylist;
import setsunai.gateway.api.Playlist;
import setsunai.gateway.service.Exclusions;
import setsunai.gateway.service.JspfPlaylists;
import setsunai.gateway.service.MoodDef;
import setsunai.gateway.service.Moods;
import setsunai.gateway.service.PlaylistService;

@Path("/api/playlists")
@Tag(name = "Playlists", description = "Songs for a mood.")
public class PlaylistResource {

    /** What this endpoint answers in, the default first (no Accept header, or one allowing both, gets JSON). */
    static final List<String> MEDIA_TYPES = List.of(MediaType.APPLICATION_JSON, JspfPlaylist.MEDIA_TYPE);

    @Inject
    Moods moods;

    @Inject
    PlaylistService playlists;

    @Inject
    ObjectMapper mapper;

    @ConfigProperty(name = "setsunai.http.cache-control", defaultValue = "public, max-age=30")
    String cacheControl;

    @GET
    @Path("/{mood}")
    // any Accept reaches the method, which picks JSON or JSPF itself (Negotiation), so that a 406 can name both
    @Produces(MediaType.WILDCARD)
    @SecurityRequirements
    @Operation(operationId = "getPlaylist", summary = "A playlist for a mood",
            description = "Songs whose moods fit (those matching more of the mood's song moods first), each with the "
                    + "anime it plays in. One songs call, one catalogue batch. If the catalogue fails the answer is "
                    + "still 200; each anime is then named from the song's usage and `degraded` says why.\n\n"
                    + "Two representations of the same playlist, chosen by `Accept` (`Vary: Accept`): `application/json` "
                    + "(the default) and `application/jspf+json`, JSPF (https://www.xspf.org/jspf), the JSON form of "
                    + "XSPF that players and ListenBrainz read: each track with its `creator`, the gateway's page of the "
                    + "anime it leads to as `info`, the MusicBrainz recording as `identifier` where known, and the rest "
                    + "(song slug, every anime, AnimeThemes id) in the extension `https://setsunai.app/jspf`. Each has "
                    + "its own ETag. An `Accept` allowing neither is a 406.")
    @APIResponse(responseCode = "200", description = "The playlist.",
            headers = @Header(name = "Vary", description = "Accept: the answer depends on it.", schema = @Schema(type = SchemaType.STRING)),
            content = {
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Playlist.class),
                            examples = @ExampleObject(name = "heartbroken", value = ApiDocs.PLAYLIST)),
                    @Content(mediaType = JspfPlaylist.MEDIA_TYPE, schema = @Schema(implementation = JspfPlaylist.class),
                            examples = @ExampleObject(name = "heartbroken as JSPF", value = ApiDocs.PLAYLIST_JSPF))})
    @APIResponse(responseCode = "304", description = "Not modified: the `If-None-Match` names the ETag of this "
            + "representation.")
    @APIResponse(responseCode = "400", description = "Unknown mood (the known ones are listed), a bad limit, a malformed "
            + "exclude value or more than 500 of them.",
            content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "bad limit", value = ApiDocs.BAD_LIMIT)))
    @APIResponse(responseCode = "406", description = "The `Accept` header allows neither application/json nor "
            + "application/jspf+json.",
            content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "XML asked for", value = ApiDocs.PLAYLIST_NOT_ACCEPTABLE)))
    @APIResponse(responseCode = "503", description = "The songs service is unavailable.",
            headers = @Header(name = "Retry-After", description = ApiDocs.RETRY_AFTER, schema = @Schema(type = SchemaType.INTEGER)),
            content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "songs service down", value = ApiDocs.SONGS_DOWN)))
    public Uni<Response> playlist(
            @Parameter(description = "A mood from GET /api/moods.", example = "heartbroken") @PathParam("mood") String mood,
            @Parameter(description = "How many songs, 1 to 100.", example = "30", schema = @Schema(type = SchemaType.INTEGER,
                    minimum = "1", maximum = "100", defaultValue = "30")) @QueryParam("limit") String limit,
            @Parameter(description = "Titles already seen (repeatable, up to 500): slugs "
                    + "(`5-centimeters-per-second`) or provider ids (`mal:23273`, `anilist:9989`). No track leads to "
                    + "one of them: their usages are left out, and a song used only in them is not played. A value matching none of the songs' anime is ignored and "
                    + "listed in `excludeUnmatched`; a value that is neither is a 400. Provider ids need the catalogue "
                    + "(503 when it is down).", schema = @Schema(type = SchemaType.ARRAY, implementation = String.class),
                    examples = @ExampleObject(name = "seen", value = "[\"mal:23273\"]")) @QueryParam("exclude") List<String> exclude,
            @Parameter(hidden = true) @HeaderParam(HttpHeaders.ACCEPT) String accept,
            @Parameter(hidden = true) @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
            @Context UriInfo uri) {
        QueryParams params = new QueryParams();
        MoodDef found = moods.find(mood).orElse(null);
        if (found == null) {
            params.error("mood", moods.unknown(mood));
        }
        int size = params.integer("limit", limit, 1, 100, 30);
        Exclusions excluded = Exclusions.parse(params, exclude);
        params.validate();
        String type = Negotiation.choose(accept, MEDIA_TYPES);
        if (type == null) {
            throw new ProblemException(406, "The Accept header allows none of the media types of this endpoint: "
                    + MEDIA_TYPES.get(0) + " (the default) and " + MEDIA_TYPES.get(1)
                    + ". Ask for one of them, or send no Accept.");
        }
        if (type.equals(MediaType.APPLICATION_JSON)) {
            // as before: common's ETagFilter tags the JSON, DegradedNoStoreFilter sees the Playlist; the charset as
            // on every JSON answer of the gateway (@Produces(JSON) adds it; the wildcard here does not)
            return playlists.playlist(found, size, excluded)
                    .map(answer -> Response.ok(answer, MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"))
                            .header(HttpHeaders.VARY, HttpHeaders.ACCEPT).build());
        }
        String self = selfUrl(uri, found.name(), limit == null ? null : size, exclude);
        return playlists.picked(found, size, excluded).map(picked -> jspf(JspfPlaylists.of(picked,
                slug -> uri.getBaseUriBuilder().path("api/titles/{slug}").build(slug).toString(), self),
                !picked.degraded().isEmpty(), ifNoneMatch));
    }

    /**
     * The JSPF answer with the same ETag rules as the JSON one, which common's ETagFilter (JSON only) does not reach:
     * a tag of the bytes sent, marked {@code jspf-} so it never equals the JSON representation's, 304 on a match,
     * and no-store when degraded.
     */
    private Response jspf(JspfPlaylist playlist, boolean degraded, String ifNoneMatch) {
        byte[] body;
        try {
            body = mapper.writeValueAsBytes(playlist);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("JSPF playlist not serializable", e);
        }
        String tag = new EntityTag("jspf-" + hash(body)).toString();
        Response.ResponseBuilder answer = matches(ifNoneMatch, tag) ? Response.notModified()
                : Response.ok(body, JspfPlaylist.MEDIA_TYPE);
        return answer.header(HttpHeaders.ETAG, tag)
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT)
                .header(HttpHeaders.CACHE_CONTROL, degraded ? "no-store" : cacheControl)
                .build();
    }

    /** The gateway's public URL of this playlist (as the client or a trusted proxy named the host), with its filters. */
    private static String selfUrl(UriInfo uri, String mood, Integer limit, List<String> exclude) {
        UriBuilder self = uri.getBaseUriBuilder().path("api/playlists/{mood}");
        if (limit != null) {
            self.queryParam("limit", limit);
        }
        if (exclude != null && !exclude.isEmpty()) {
            self.queryParam("exclude", exclude.toArray());
        }
        return self.build(mood).toString();
    }

    /** If-None-Match may list several tags, or *; weak comparison, as RFC 9110 asks for GET (as common's ETagFilter). */
    static boolean matches(String ifNoneMatch, String tag) {
        if (ifNoneMatch == null || ifNoneMatch.isBlank()) {
            return false;
        }
        String opaque = opaque(tag);
        for (String candidate : ifNoneMatch.split(",")) {
            String trimmed = candidate.trim();
            if (trimmed.equals("*") || opaque(trimmed).equals(opaque)) {
                return true;
            }
        }
        return false;
    }

    private static String opaque(String tag) {
        return tag.startsWith("W/") ? tag.substring(2) : tag;
    }

    /** Two 32-bit checksums and the length, as common's ETagFilter: a tag only has to change when the body does. */
    static String hash(byte[] body) {
        CRC32C crc32c = new CRC32C();
        crc32c.update(body);
        CRC32 crc32 = new CRC32();
        crc32.update(body);
        return String.format("%08x%08x-%x", crc32c.getValue(), crc32.getValue(), body.length);
    }
}
