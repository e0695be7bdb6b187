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
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
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
import setsunai.gateway.api.Surprise;
import setsunai.gateway.service.Diversity;
import setsunai.gateway.service.Exclusions;
import setsunai.gateway.service.Feelings;
import setsunai.gateway.service.Filters;
import setsunai.gateway.service.MoodDef;
import setsunai.gateway.service.Moods;
import setsunai.gateway.service.RecommendationService;
import setsunai.gateway.service.SeededDraw;

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

    static final String STREAMING = "Only titles on one of these streaming services (repeatable, up to 20): the "
            + "catalogue's service keys, lower-case words joined by '-' (`netflix`, `crunchyroll`, `prime-video`), at "
            + "most 40 characters. Passed on to the catalogue's search; a key it refuses is a 400 naming `streaming`.";

    static final String DIVERSITY = "How much variety, 0 to 1 (default 0.3): the ranking is re-ranked so that the top "
            + "is not one franchise or one theme over and over (a series and its film, say). 0 is the ranking by fit "
            + "alone; higher values move titles that are like those above them further down. A moved title's "
            + "`reasons` say why. The whole ranking is re-ranked before paging, so pages stay slices of one order.";

    /** At most this many streaming services in one question (the catalogue's own limit for a repeatable filter). */
    static final int STREAMING_MAX = 20;
    static final int STREAMING_KEY_MAX = 40;
    private static final Pattern SERVICE_KEY = Pattern.compile(Slugs.PATTERN);
    /** A plain decimal: no exponent, hex, sign or "NaN" (which Double.parseDouble would take). */
    private static final Pattern DECIMAL = Pattern.compile("^(\\d{1,3}(\\.\\d{0,12})?|\\.\\d{1,12})$");

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
            + "fits no mood (the moods are listed); a malformed streaming key or more than 20, or one the catalogue "
            + "refuses; a diversity that is not a number from 0 to 1.",
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
            @Parameter(description = STREAMING, schema = @Schema(type = SchemaType.ARRAY, implementation = String.class),
                    examples = @ExampleObject(name = "Netflix or Crunchyroll", value = "[\"netflix\", \"crunchyroll\"]"))
            @QueryParam("streaming") List<String> streaming,
            @Parameter(description = EXCLUDE, schema = @Schema(type = SchemaType.ARRAY, implementation = String.class),
                    examples = @ExampleObject(name = "seen", value = "[\"mal:23273\"]")) @QueryParam("exclude") List<String> exclude,
            @Parameter(description = DIVERSITY, example = "0.3", schema = @Schema(type = SchemaType.NUMBER, minimum = "0",
                    maximum = "1", defaultValue = "0.3")) @QueryParam("diversity") String diversity,
            @Parameter(description = "1-based page number.", example = "1",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", defaultValue = "1")) @QueryParam("page") String page,
            @Parameter(description = "Page size, 1 to 100 (default 10).", example = "10",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100", defaultValue = "10")) @QueryParam("size") String size,
            @Parameter(description = "How many titles, 1 to 50: the older name of `size`; if both are given they must "
                    + "be equal.", example = "10", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "50")) @QueryParam("limit") String limit,
            @Context UriInfo uri) {
        return answer(mood, feeling, format, ending, streaming, exclude, diversity, page, size, limit)
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
        return answer(query.mood(), query.feeling(), query.format(), query.ending(), query.streaming(), query.exclude(),
                query.diversity() == null ? null : BigDecimal.valueOf(query.diversity()).toPlainString(),
                text(query.page()), text(query.size()), text(query.limit()));
    }

    @GET
    @Path("/surprise")
    @SecurityRequirements
    @Operation(operationId = "surpriseRecommendation", summary = "One title at random for a mood, weighted by fit",
            description = "A random pick among the titles that fit the mood (or feeling) and the filters best. A "
                    + "title's fit is its score from the catalogue alone: the points of the mood's tags it has, of its "
                    + "ending, and of its tearjerker level (songs left out). The pick is drawn among the titles with "
                    + "at least 55% of the best fit (`candidates` says how many; configurable), each with a chance "
                    + "proportional to its fit: a title that fits twice as well comes up twice as often, and every "
                    + "one of them can come up; the last reason names how many and its chance. `seed` "
                    + "replays it: the same seed over the same data gives the same body and the same ETag, and the "
                    + "body carries the seed used (a new one when none was given; that answer is `no-store`, so each "
                    + "request is a new surprise). When nothing fits, `item` is null and `candidates` 0 (a 200, as an "
                    + "empty page of recommendations is). Two downstream calls: the candidates (cached as for "
                    + "recommendations) and the picked title's songs.")
    @APIResponse(responseCode = "200", description = "The pick, with its score, reasons and songs.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Surprise.class),
                    examples = {@ExampleObject(name = "a pick", value = ApiDocs.SURPRISE),
                            @ExampleObject(name = "nothing fits", value = ApiDocs.NO_SURPRISE)}))
    @APIResponse(responseCode = "400", description = "What GET /api/recommendations refuses, or a seed that is not a "
            + "64-bit whole number.",
            content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "unknown mood", value = ApiDocs.UNKNOWN_MOOD)))
    @APIResponse(responseCode = "503", description = "The catalogue is unavailable.",
            headers = @Header(name = "Retry-After", description = ApiDocs.RETRY_AFTER, schema = @Schema(type = SchemaType.INTEGER)),
            content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "catalogue down", value = ApiDocs.CATALOG_DOWN)))
    public Uni<Response> surprise(
            @Parameter(description = "A mood from GET /api/moods, e.g. `grieving`. Give either `mood` or `feeling`.")
            @QueryParam("mood") String mood,
            @Parameter(description = FEELING, schema = @Schema(type = SchemaType.STRING, maxLength = 200), examples = {
                    @ExampleObject(name = "grieving", value = "my grandfather died last week"),
                    @ExampleObject(name = "heartbroken", value = "I just got dumped and can't stop thinking about her")})
            @QueryParam("feeling") String feeling,
            @Parameter(description = "Only these formats (repeatable).",
                    schema = @Schema(type = SchemaType.ARRAY, implementation = Format.class),
                    examples = @ExampleObject(name = "TV or film", value = "[\"TV\", \"MOVIE\"]"))
            @QueryParam("format") List<String> format,
            @Parameter(description = "Only these endings (repeatable).",
                    schema = @Schema(type = SchemaType.ARRAY, implementation = Ending.class),
                    examples = @ExampleObject(name = "sad endings", value = "[\"TRAGIC\", \"BITTERSWEET\"]"))
            @QueryParam("ending") List<String> ending,
            @Parameter(description = STREAMING, schema = @Schema(type = SchemaType.ARRAY, implementation = String.class),
                    examples = @ExampleObject(name = "Netflix or Crunchyroll", value = "[\"netflix\", \"crunchyroll\"]"))
            @QueryParam("streaming") List<String> streaming,
            @Parameter(description = EXCLUDE, schema = @Schema(type = SchemaType.ARRAY, implementation = String.class),
                    examples = @ExampleObject(name = "seen", value = "[\"mal:23273\"]")) @QueryParam("exclude") List<String> exclude,
            @Parameter(description = "Replays a pick: any 64-bit whole number. Without it one is drawn and returned "
                    + "in the body.", example = "4242", schema = @Schema(type = SchemaType.INTEGER, format = "int64"))
            @QueryParam("seed") String seed) {
        QueryParams params = new QueryParams();
        Asked asked = asked(params, mood, feeling, format, ending, streaming);
        Exclusions excluded = Exclusions.parse(params, exclude);
        Long given = seed(params, seed);
        params.validate();
        long used = given != null ? given : SeededDraw.newSeed();
        Uni<Surprise> answer = asked.read() != null
                ? recommendations.surprise(asked.read(), asked.filters(), excluded, used)
                : recommendations.surprise(asked.mood(), asked.filters(), excluded, used);
        return answer.map(pick -> {
            Response.ResponseBuilder ok = Response.ok(pick);
            // a drawn seed is a new surprise each time: no cache may hand the same one back
            return (given == null ? ok.header(HttpHeaders.CACHE_CONTROL, "no-store") : ok).build();
        });
    }

    private static Long seed(QueryParams params, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(raw.trim());
        } catch (NumberFormatException e) {
            params.error("seed", "must be a whole number from -9223372036854775808 to 9223372036854775807, e.g. 4242, "
                    + "got '" + (raw.length() <= 30 ? raw : raw.substring(0, 30) + "…") + "'");
            return null;
        }
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
                                        List<String> streaming, List<String> exclude, String diversity, String page,
                                        String size, String limit) {
        QueryParams params = new QueryParams();
        Asked asked = asked(params, mood, feeling, format, ending, streaming);
        // limit keeps its old bounds (1 to 50); size those of every list
        Integer oldLimit = params.integer("limit", limit, 1, 50);
        Integer pageSize = params.integer("size", size, 1, PageRequest.MAX_SIZE);
        if (oldLimit != null && pageSize != null && !oldLimit.equals(pageSize)) {
            params.error("limit", "is another name for size; give one of them, or the same value (got limit="
                    + oldLimit + ", size=" + pageSize + ")");
        }
        int pageNumber = params.integer("page", page, 1, Integer.MAX_VALUE / PageRequest.MAX_SIZE, 1);
        Exclusions excluded = Exclusions.parse(params, exclude);
        double lambda = diversity(params, diversity);
        params.validate();
        int perPage = pageSize != null ? pageSize : oldLimit != null ? oldLimit : DEFAULT_SIZE;
        PageRequest request = new PageRequest(pageNumber, perPage);
        return asked.read() != null ? recommendations.recommend(asked.read(), asked.filters(), excluded, lambda, request)
                : recommendations.recommend(asked.mood(), asked.filters(), excluded, lambda, request);
    }

    /** What a recommendation and a surprise ask alike: a mood or a feeling, and the catalogue filters. */
    private record Asked(MoodDef mood, Interpretation read, Filters filters) {
    }

    /** The mood or feeling and the filters, each mistake added to {@code params}. */
    private Asked asked(QueryParams params, String mood, String feeling, List<String> format, List<String> ending,
                        List<String> streaming) {
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
        return new Asked(found, read, new Filters(formats, endings, streaming(params, streaming)));
    }

    /**
     * Streaming service keys, lower-cased, checked against the catalogue's key grammar (a value that can name no
     * service never reaches it), distinct and sorted (part of the candidates' cache key).
     */
    static List<String> streaming(QueryParams params, List<String> raw) {
        List<String> values = params.strings("streaming", raw, STREAMING_MAX).stream()
                .map(v -> v.toLowerCase(Locale.ROOT)).toList();
        List<String> bad = values.stream()
                .filter(v -> v.length() > STREAMING_KEY_MAX || !SERVICE_KEY.matcher(v).matches()).toList();
        if (!bad.isEmpty()) {
            params.error("streaming", bad.stream().limit(3).map(v -> "'" + (v.length() <= 40 ? v : v.substring(0, 40)
                    + "…") + "'").collect(Collectors.joining(", ")) + (bad.size() > 3 ? " and " + (bad.size() - 3)
                    + " more" : "") + (bad.size() == 1 ? " is" : " are") + " not a streaming service key: lower-case "
                    + "letters and digits in words joined by '-', at most " + STREAMING_KEY_MAX
                    + " characters, e.g. netflix, crunchyroll, prime-video");
            return List.of();
        }
        return values.stream().distinct().sorted().toList();
    }

    /** {@code diversity}: a plain decimal from 0 to 1, {@link Diversity#DEFAULT} when absent. */
    static double diversity(QueryParams params, String raw) {
        if (raw == null || raw.isBlank()) {
            return Diversity.DEFAULT;
        }
        String value = raw.trim();
        if (DECIMAL.matcher(value).matches()) {
            double parsed = Double.parseDouble(value);
            if (parsed >= 0 && parsed <= 1) {
                return parsed;
            }
        }
        params.error("diversity", "must be a number from 0 to 1 (0: ranked by fit alone; default "
                + Diversity.DEFAULT + "), got '" + (value.length() <= 20 ? value : value.substring(0, 20) + "…") + "'");
        return Diversity.DEFAULT;
    }

    private static Page<Recommendations.Item> pageOf(Recommendations answer) {
        return new Page<>(answer.items(), answer.page(), answer.size(), answer.totalItems(), answer.totalPages());
    }

    private static String text(Integer value) {
        return value == null ? null : value.toString();
    }
}
