package setsunai.common.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An RFC 9457 problem: the body of every error answer. */
@Schema(name = "Problem", description = "RFC 9457 problem details, sent as application/problem+json with every error.")
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(
        @Schema(description = "A URI naming the kind of problem; about:blank when the HTTP status says it all.", examples = "about:blank")
        String type,
        @Schema(description = "Short summary of the kind of problem.", examples = "Bad Request")
        String title,
        @Schema(description = "HTTP status code.", examples = "400")
        int status,
        @Schema(description = "What went wrong with this request, and how to fix it.", examples = "size: must be between 1 and 100")
        String detail,
        @Schema(description = "The request path that caused the problem.", examples = "/api/titles")
        String instance,
        @Schema(description = "One entry per invalid field or parameter.")
        List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    @Schema(name = "FieldError", description = "One invalid field or parameter.")
    public record FieldError(
            @Schema(description = "Parameter or body field name.", examples = "size") String field,
            @Schema(description = "What is wrong with it.", examples = "must be at most 100") String message) {
    }
}
