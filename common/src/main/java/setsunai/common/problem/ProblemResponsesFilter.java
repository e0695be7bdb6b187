package setsunai.common.problem;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * Every documented 4xx/5xx answer is a {@link Problem}, so the resources only describe when it happens and this
 * filter adds the application/problem+json body to each one that does not name a body of its own. It also documents,
 * once for every operation, the 429 that common's RateLimits may answer to any request.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class ProblemResponsesFilter implements OASFilter {

    private static final String PROBLEM_REF = "#/components/schemas/Problem";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        boolean used = false;
        for (var path : openAPI.getPaths().getPathItems().values()) {
            for (var operation : path.getOperations().values()) {
                if (operation.getResponses() == null || operation.getResponses().getAPIResponses() == null) {
                    continue;
                }
                if (!operation.getResponses().hasAPIResponse("429")) {
                    operation.getResponses().addAPIResponse("429", tooManyRequests());
                }
                for (Map.Entry<String, APIResponse> response : operation.getResponses().getAPIResponses().entrySet()) {
                    if (isError(response.getKey()) && response.getValue().getContent() == null) {
                        response.getValue().setContent(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                                OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM_REF))));
                        used = true;
                    }
                }
            }
        }
        if (used) {
            addProblemSchema(openAPI);
        }
    }

    /** What setsunai.common.web.RateLimits answers past a client's budget; the body is filled in as for any error. */
    private static APIResponse tooManyRequests() {
        return OASFactory.createAPIResponse()
                .description("Too many requests of this kind (reads, writes and imports have their own budgets) from "
                        + "your address: wait Retry-After seconds. RateLimit-Policy, on every answer, names the budget.")
                .addHeader("Retry-After", header("Seconds to wait before asking again.", Schema.SchemaType.INTEGER))
                .addHeader("RateLimit", header("The budget left: policy, remaining requests (r) and seconds until it "
                        + "is full again (t).", Schema.SchemaType.STRING))
                .addHeader("RateLimit-Policy", header("The budget: policy, quota (q) and window in seconds (w).",
                        Schema.SchemaType.STRING));
    }

    private static org.eclipse.microprofile.openapi.models.headers.Header header(String description,
                                                                                Schema.SchemaType type) {
        return OASFactory.createHeader().description(description).schema(OASFactory.createSchema().addType(type));
    }

    private static boolean isError(String status) {
        return status.length() == 3 && (status.charAt(0) == '4' || status.charAt(0) == '5');
    }

    private static void addProblemSchema(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        var components = openAPI.getComponents();
        if (components.getSchemas() != null && components.getSchemas().containsKey("Problem")) {
            return;
        }
        Schema fieldError = object("One invalid field or parameter.")
                .addProperty("field", string("Parameter or body field name.", "size"))
                .addProperty("message", string("What is wrong with it.", "must be at most 100"));
        components.addSchema("Problem", object("RFC 9457 problem details, sent as application/problem+json with "
                + "every error.")
                .addProperty("type", string("A URI naming the kind of problem; about:blank when the HTTP status says "
                        + "it all.", "about:blank"))
                .addProperty("title", string("Short summary of the kind of problem.", "Bad Request"))
                .addProperty("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER)
                        .description("HTTP status code.").addExample(400))
                .addProperty("detail", string("What went wrong with this request, and how to fix it.",
                        "size: must be between 1 and 100, got 500"))
                .addProperty("instance", string("The request path that caused the problem.", "/api/titles"))
                .addProperty("errors", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY)
                        .description("One entry per invalid field or parameter.").items(fieldError)));
    }

    private static Schema object(String description) {
        return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT).description(description);
    }

    private static Schema string(String description, String example) {
        return OASFactory.createSchema().addType(Schema.SchemaType.STRING).description(description).addExample(example);
    }
}
