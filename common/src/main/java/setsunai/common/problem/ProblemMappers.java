package setsunai.common.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns every exception that reaches the HTTP layer into application/problem+json, so a client never sees
 * a stack trace or an HTML error page. Client mistakes are 4xx with a detail saying how to fix them.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response invalidInput(InvalidInputException e, UriInfo uri) {
        return Problems.response(400, e.getMessage(), uri, e.errors());
    }

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        return Problems.response(e.status(), e.getMessage(), uri, List.of());
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldName(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        return Problems.response(400, summary(errors), uri, errors);
    }

    @ServerExceptionMapper
    public Response json(JsonProcessingException e, UriInfo uri) {
        List<Problem.FieldError> errors = List.of(JsonErrors.of(e));
        return Problems.response(400, summary(errors), uri, errors);
    }

    /** Quarkus ships its own plain-JSON mapper for this subtype (wrong type or enum value); ours must be closer. */
    @ServerExceptionMapper
    public Response mismatchedInput(com.fasterxml.jackson.databind.exc.MismatchedInputException e, UriInfo uri) {
        return json(e, uri);
    }

    /** No bearer token on an endpoint that needs one (answered here when quarkus.http.auth.proactive=false). */
    @ServerExceptionMapper
    public Response unauthorized(io.quarkus.security.UnauthorizedException e, UriInfo uri) {
        return bearerChallenge(Problems.response(401, "This operation needs a header 'Authorization: Bearer <JWT>' "
                + "whose groups claim holds the required role (editor). See the service README for a development token.",
                uri, List.of()));
    }

    /** A token was sent but is not valid: expired, signed by another key, or from another issuer. */
    @ServerExceptionMapper
    public Response authenticationFailed(io.quarkus.security.AuthenticationFailedException e, UriInfo uri) {
        return bearerChallenge(Problems.response(401, "The bearer token is not valid: it is expired, not signed by "
                + "the trusted key, or from another issuer. Get a fresh token and retry.", uri, List.of()));
    }

    @ServerExceptionMapper
    public Response forbidden(io.quarkus.security.ForbiddenException e, UriInfo uri) {
        return Problems.response(403, "Your token is valid but does not carry the role this operation needs "
                + "(editor, in the groups claim).", uri, List.of());
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        // Malformed JSON reaches us wrapped by the body reader; say where it broke.
        if (status == 400 && e.getCause() instanceof JsonProcessingException json) {
            return json(json, uri);
        }
        String detail = switch (status) {
            case 404 -> "Nothing here: " + uri.getPath() + ". See /q/swagger-ui for the available endpoints.";
            case 405 -> "Method not allowed on " + uri.getPath() + allowed(e);
            case 415 -> "Unsupported Content-Type; send application/json (or the media type the endpoint documents).";
            case 406 -> "Cannot produce the requested media type; ask for application/json.";
            default -> e.getMessage();
        };
        if (status >= 500) {
            LOG.errorf(e, "Request %s failed", uri.getPath());
        }
        return Problems.response(status, detail, uri, List.of());
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public Response unexpected(Throwable e, UriInfo uri) {
        if (DatabaseUnavailable.isCause(e)) {
            return DatabaseUnavailable.response(e, uri); // 503 + Retry-After: the client may simply retry
        }
        LOG.errorf(e, "Unexpected error on %s", uri.getPath());
        return Problems.response(500, "Something went wrong on our side. It has been logged; "
                + "please retry, and quote the X-Request-Id header if it happens again.", uri, List.of());
    }

    private static Response bearerChallenge(Response response) {
        response.getHeaders().putSingle("WWW-Authenticate", "Bearer");
        return response;
    }

    private static String allowed(WebApplicationException e) {
        if (e instanceof NotAllowedException notAllowed && !notAllowed.getResponse().getAllowedMethods().isEmpty()) {
            return "; allowed: " + String.join(", ", notAllowed.getResponse().getAllowedMethods());
        }
        return ".";
    }

    private static String summary(List<Problem.FieldError> errors) {
        return errors.stream().map(e -> e.field() + ": " + e.message()).collect(Collectors.joining("; "));
    }

    /** "create.body.title" -> "title"; "search.size" -> "size": the name the client knows. */
    public static String fieldName(ConstraintViolation<?> violation) {
        List<String> names = new ArrayList<>();
        boolean lastWasParameter = false;
        for (Path.Node node : violation.getPropertyPath()) {
            boolean parameter = node.getKind() == jakarta.validation.ElementKind.PARAMETER;
            switch (node.getKind()) {
                case METHOD, CONSTRUCTOR, RETURN_VALUE, CROSS_PARAMETER -> { }
                case PARAMETER -> names.add(node.getName());
                default -> {
                    // A property right after a parameter: the parameter is a bean, i.e. the JSON body, whose
                    // fields are the names the client knows ("create.body.title" -> "title"). A list parameter's
                    // element is a container element instead, and keeps its parameter's name (tag[0]).
                    if (lastWasParameter && node.getKind() == jakarta.validation.ElementKind.PROPERTY) {
                        names.clear();
                    }
                    // An element's index belongs to the list that holds it: usages[0].sequence, not usages.sequence[0].
                    if (node.isInIterable() && node.getIndex() != null && !names.isEmpty()) {
                        int last = names.size() - 1;
                        names.set(last, names.get(last) + "[" + node.getIndex() + "]");
                    }
                    // A list element's own node is named "<list element>": its index above is all the client needs.
                    if (node.getKind() != jakarta.validation.ElementKind.CONTAINER_ELEMENT) {
                        names.add(node.getName() == null ? "" : node.getName());
                    }
                }
            }
            lastWasParameter = parameter;
        }
        return names.stream().filter(n -> !n.isEmpty()).collect(Collectors.joining("."));
    }
}
