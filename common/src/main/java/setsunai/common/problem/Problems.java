package setsunai.common.problem;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;

/** Builds problem+json responses the same way everywhere. */
public final class Problems {

    private Problems() {
    }

    public static Problem problem(int status, String detail, String instance, List<Problem.FieldError> errors) {
        Response.Status known = Response.Status.fromStatusCode(status);
        String title = known != null ? known.getReasonPhrase() : statusTitle(status);
        return new Problem("about:blank", title, status, detail, instance, errors);
    }

    public static Response response(int status, String detail, UriInfo uri, List<Problem.FieldError> errors) {
        String instance = uri == null ? null : uri.getRequestUri().getRawPath();
        return Response.status(status)
                .type(Problem.MEDIA_TYPE)
                .entity(problem(status, detail, instance, errors))
                .build();
    }

    private static String statusTitle(int status) {
        return switch (status) {
            case 422 -> "Unprocessable Content";
            case 428 -> "Precondition Required";
            case 429 -> "Too Many Requests";
            default -> "HTTP " + status;
        };
    }
}
