package setsunai.gateway.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
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
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import setsunai.common.problem.InvalidInputException;
import setsunai.common.problem.Problem;
import setsunai.common.vocabulary.Ending;
import setsunai.common.vocabulary.Format;
import setsunai.common.web.Page;
import setsunai.common.web.PageLinks;
import setsunai.common.web.PageRequest;
import setsunai.common.web.QueryParams;
import setsunai.gateway.api.Interpretation;
import setsunai.gateway.api.RecommendationQuery;
import setsunai.gateway.api.Recommendations;
import setsunai.gateway.service.Exclusions;
import setsunai.gateway.service.Feelings;
import setsunai.gateway.service.MoodDef;
import setsunai.gateway.service.Moods;
import setsunai.gateway.service.RecommendationService;

@Path("/api/recommendations")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Recommendations", description = "What to watch and listen to, for a mood.")
public class RecommendationResource {

    /** Ten titles a page unless asked otherwise, as before paging (limit's default). */
    static final int DEFAULT_SIZE = 10;

    static final String EXCLUDE = "Titles already seen, left out of the answer (repeatable, up to 500): slugs "
            + "(`5-centimeters-per-second`) or provider ids (`mal:23273`, `anilist:9989`). A value that matches no "
            + "title the answer is ranked from is ignored and listed in `excludeUnmatched`; a value that is neither is "
            + "a 400. For long lists use POST /api/recommendations.";

    static final String FEELING = "Instead of `mood`: how you feel, in your own words (at most 200 characters). "
            + "It is read as one or more moods from a weighted lexicon in the gateway's configuration "
            + "(negation, several moods at once, inflections: `dumped`, `dumping`); the answer's "
            + "`interpretation` says which moods and which words decided it. Text that fits no mood is a 400 "
            + "listing the moods.";

    @Inject
    Moods moods;

    @Inject
    RecommendationService recommendations;

    @Inject
    ObjectMapper mapper;

    @Inject
    Feelings feelings;

    @GET
    @SecurityRequirements
    @Operation(operationId = "getRecommendations", summary = "Titles for a mood, with their songs and reasons",
            description = "Ranked by a deterministic score (matched tags, ending, tearjerker, songs that fit the mood; "
                    + "see the gateway README). Two downstream calls whatever the limit: one catalogue search, one "
                    + "songs batch. If the songs service fails the answer is still 200, ranked without songs, and the "
                    + "failure is named in `degraded`.")
    @APIResponse(responseCode = "200", description = "Ranked titles, best first.",
            headers = @Header(name = "Link", description = "RFC 8288 links to the first, previous, next and last pages.",
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Recommendations.class)))
    @APIResponse(responseCode = "400", description = "Unknown mood (the known ones are listed), format or ending, a bad "
            + "page, size or limit (or limit and size that differ), a malformed exclude value or more than 500 of them; "
            + "neither or both of `mood` and `feeling`; a feeling longer than 200 characters, without a letter, or that "
            + "fits no mood (the moods are listed).",
            content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "unknown mood", value = ApiDocs.UNKNOWN_MOOD)))
    @APIResponse(responseCode = "503", description = "The catalogue is unavailable.",
            headers = @Header(name = "Retry-After", description = ApiDocs.RETRY_AFTER, schema = @Schema(type = SchemaType.INTEGER)),
            content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "catalogue down", value = ApiDocs.CATALOG_DOWN)))
    public Uni<Response> recommend(
            // no example value here: "Try it out" fills in every example, and mood and feeling together are a 400
            @Parameter(description = "A mood from GET /api/moods, e.g. `heartbroken`. Give either `mood` or `feeling`.")
            @QueryParam("mood") String mood,
            @Parameter(description = FEELING, schema = @Schema(type = SchemaType.STRING, maxLength = 200), examples = {
                    @ExampleObject(name = "heartbroken", value = "I just got dumped and can't stop thinking about her"),
                    @ExampleObject(name = "grieving", value = "my grandfather died last week"),
                    @ExampleObject(name = "several moods", value = "my girlfriend broke up with me and moved abroad, I miss her"),
                    @ExampleObject(name = "negation", value = "not sad anymore, ready to move on")})
            @QueryParam("feeling") String feeling,
            @Parameter(description = "Only these formats (repeatable).",
                    schema = @Schema(type = SchemaType.ARRAY, implementation = Format.class),
                    examples = @ExampleObject(name = "TV or film", value = "[\"TV\", \"MOVIE\"]"))
            @QueryParam("format") List<String> format,
            @Parameter(description = "Only these endings (repeatable).",
                    schema = @Schema(type = SchemaType.ARRAY, implementation = Ending.class),
                    examples = @ExampleObject(name = "sad endings", value = "[\"TRAGIC\", \"BITTERSWEET\"]"))
            @QueryParam("ending") List<String> ending,
            @Parameter(description = EXCLUDE, schema = @Schema(type = SchemaType.ARRAY, implementation = String.class),
                    examples = @ExampleObject(name = "seen", value = "[\"mal:23273\"]")) @QueryParam("exclude") List<String> exclude,
            @Parameter(description = "1-based page number.", example = "1",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", defaultValue = "1")) @QueryParam("page") String page,
            @Parameter(description = "Page size, 1 to 100 (default 10).", example = "10",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100", defaultValue = "10")) @QueryParam("size") String size,
            @Parameter(description = "How many titles, 1 to 50: the older name of `size`; if both are given they must "
                    + "be equal.", example = "10", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "50")) @QueryParam("limit") String limit,
            @Context UriInfo uri) {
        return answer(mood, feeling, format, ending, exclude, page, size, limit)
                .map(answer -> Response.ok(answer).header("Link", PageLinks.header(pageOf(answer), uri)).build());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @SecurityRequirements
    @Operation(operationId = "postRecommendations", summary = "Titles for a mood, the parameters in a JSON body",
            description = "The same as GET /api/recommendations, for `exclude` lists too long for a URL (a URL holds "
                    + "about 200 provider ids): the same answer and the same ETag for the same parameters. The body is "
                    + "read strictly: an unknown field, a value of the wrong type or a field given twice is a 400 "
                    + "naming it. There is no `Link` header: the next page is the same body with `page` + 1.")
    @APIResponse(responseCode = "200", description = "Ranked titles, best first.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Recommendations.class)))
    @APIResponse(responseCode = "400", description = "No body, a malformed body, an unknown field, or any value GET "
            + "refuses.")
    @APIResponse(responseCode = "503", description = "The catalogue is unavailable.",
            headers = @Header(name = "Retry-After", description = "Seconds to wait before asking again.",
                    schema = @Schema(type = SchemaType.INTEGER)))
    public Uni<Recommendations> recommendFromBody(
            @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = RecommendationQuery.class),
                    examples = @ExampleObject(name = "long exclude list",
                            value = "{\"mood\": \"heartbroken\", \"exclude\": [\"5-centimeters-per-second\", \"mal:23273\", "
                                    + "\"anilist:9989\"], \"page\": 1, \"size\": 10}"))) JsonNode body)
            throws JsonProcessingException {
        RecommendationQuery query = strictly(body);
        return answer(query.mood(), query.feeling(), query.format(), query.ending(), query.exclude(), text(query.page()),
                text(query.size()), text(query.limit()));
    }

    /**
     * The body as a query, every field known. Read as a tree first because the gateway ignores unknown fields in the
     * services' answers (quarkus.jackson.fail-on-unknown-properties=false), and a caller's typo ("exlude") must not
     * silently exclude nothing. Duplicate keys, nesting and control characters are common's StrictJson's, wrong types
     * are mapped by common's ProblemMappers (both name the field).
     */
    private RecommendationQuery strictly(JsonNode body) throws JsonProcessingException {
        if (body == null || body.isMissingNode() || body.isNull()) {
            throw new InvalidInputException("body", "is required: a JSON object such as {\"mood\": \"heartbroken\"}");
        }
        if (!body.isObject()) {
            throw new InvalidInputException("body", "must be a JSON object such as {\"mood\": \"heartbroken\"}");
        }
        QueryParams params = new QueryParams();
        body.fieldNames().forEachRemaining(name -> {
            if (!RecommendationQuery.FIELDS.contains(name)) {
                params.error(name.length() <= 40 ? name : name.substring(0, 40) + "…",
                        "is not a field of this body; the fields are " + String.join(", ", RecommendationQuery.FIELDS));
            }
        });
        params.validate();
        return mapper.treeToValue(body, RecommendationQuery.class);
    }

    /** GET and POST alike: every value checked at the edge, every mistake in one 400. */
    private Uni<Recommendations> answer(String mood, String feeling, List<String> format, List<String> ending,
                                        List<String> exclude, String page, String size, String limit) {
        QueryParams params = new QueryParams();
        boolean byMood = mood != null && !mood.isBlank();
        boolean byFeeling = feeling != null && !feeling.isBlank();
        MoodDef found = null;
        Interpretation read = null;
        if (byMood == byFeeling) {
            String either = byMood ? "give either mood or feeling, not both" : "is required: give a mood or a feeling";
            params.error("mood", either + "; known moods: " + String.join(", ", moods.names()));
            params.error("feeling", either);
        } else if (byMood) {
            found = moods.find(mood).orElse(null);
            if (found == null) {
                params.error("mood", moods.unknown(mood));
            }
        } else {
            String text = params.searchText("feeling", feeling);
            read = text == null ? null : feelings.read(text);
            if (read != null && read.moods().isEmpty()) {
                params.error("feeling", "fits none of the moods we know; say it in other words, or pick a mood: "
                        + String.join(", ", moods.names()));
            }
        }
        // checked against the catalogue's own vocabulary, so a typo is a 400 naming the values, not an empty answer;
        // sorted: the candidates are cached by these lists, so any order of the same filters is one entry
        List<String> formats = params.enumValues("format", format, Format.class).stream().sorted().map(Enum::name).toList();
        List<String> endings = params.enumValues("ending", ending, Ending.class).stream().sorted().map(Enum::name).toList();
        // limit keeps its old bounds (1 to 50); size those of every list
        Integer oldLimit = params.integer("limit", limit, 1, 50);
        Integer pageSize = params.integer("size", size, 1, PageRequest.MAX_SIZE);
        if (oldLimit != null && pageSize != null && !oldLimit.equals(pageSize)) {
            params.error("limit", "is another name for size; give one of them, or the same value (got limit="
                    + oldLimit + ", size=" + pageSize + ")");
        }
        int pageNumber = params.integer("page", page, 1, Integer.MAX_VALUE / PageRequest.MAX_SIZE, 1);
        Exclusions excluded = Exclusions.parse(params, exclude);
        params.validate();
        int perPage = pageSize != null ? pageSize : oldLimit != null ? oldLimit : DEFAULT_SIZE;
        PageRequest request = new PageRequest(pageNumber, perPage);
        return read != null ? recommendations.recommend(read, formats, endings, excluded, request)
                : recommendations.recommend(found, formats, endings, excluded, request);
    }

    private static Page<Recommendations.Item> pageOf(Recommendations answer) {
        return new Page<>(answer.items(), answer.page(), answer.size(), answer.totalItems(), answer.totalPages());
    }

    private static String text(Integer value) {
        return value == null ? null : value.toString();
    }
}
