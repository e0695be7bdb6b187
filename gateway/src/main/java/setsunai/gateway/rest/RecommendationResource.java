package setsunai.gateway.rest;

import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
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
import setsunai.common.vocabulary.Ending;
import setsunai.common.vocabulary.Format;
import setsunai.common.web.QueryParams;
import setsunai.gateway.api.Interpretation;
import setsunai.gateway.api.Recommendations;
import setsunai.gateway.service.Feelings;
import setsunai.gateway.service.MoodDef;
import setsunai.gateway.service.Moods;
import setsunai.gateway.service.RecommendationService;

@Path("/api/recommendations")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Recommendations", description = "What to watch and listen to, for a mood.")
public class RecommendationResource {

    @Inject
    Moods moods;

    @Inject
    RecommendationService recommendations;

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
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Recommendations.class)))
    @APIResponse(responseCode = "400", description = "Unknown mood (the known ones are listed), format or ending, or a bad limit; "
            + "neither or both of `mood` and `feeling`; a feeling longer than 200 characters, without a letter, or that "
            + "fits no mood (the moods are listed).",
            content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "unknown mood", value = ApiDocs.UNKNOWN_MOOD)))
    @APIResponse(responseCode = "503", description = "The catalogue is unavailable.",
            headers = @Header(name = "Retry-After", description = ApiDocs.RETRY_AFTER, schema = @Schema(type = SchemaType.INTEGER)),
            content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "catalogue down", value = ApiDocs.CATALOG_DOWN)))
    public Uni<Recommendations> recommend(
            // no example value here: "Try it out" fills in every example, and mood and feeling together are a 400
            @Parameter(description = "A mood from GET /api/moods, e.g. `heartbroken`. Give either `mood` or `feeling`.")
            @QueryParam("mood") String mood,
            @Parameter(description = "Instead of `mood`: how you feel, in your own words (at most 200 characters). "
                    + "It is read as one or more moods from a weighted lexicon in the gateway's configuration "
                    + "(negation, several moods at once, inflections: `dumped`, `dumping`); the answer's "
                    + "`interpretation` says which moods and which words decided it. Text that fits no mood is a 400 "
                    + "listing the moods.", schema = @Schema(type = SchemaType.STRING, maxLength = 200), examples = {
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
            @Parameter(description = "How many titles, 1 to 50.", example = "10", schema = @Schema(type = SchemaType.INTEGER,
                    minimum = "1", maximum = "50", defaultValue = "10")) @QueryParam("limit") String limit) {
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
        int size = params.integer("limit", limit, 1, 50, 10);
        params.validate();
        return found != null ? recommendations.recommend(found, formats, endings, size)
                : recommendations.recommend(read, formats, endings, size);
    }
}
