package setsunai.gateway.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.WebTarget;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import setsunai.common.problem.InvalidInputException;
import setsunai.common.problem.ProblemException;
import setsunai.gateway.client.TraceHeadersFilter;
import setsunai.gateway.service.ServiceUnavailable;

/**
 * The services' OpenAPI documents and read-only API, served through the gateway so that its Swagger UI can show and
 * try all three with only the gateway's port published. Each spec's {@code servers} is rewritten to point at the
 * read-only pass-through below. Hidden from the gateway's own spec: it is plumbing, not the product.
 */
@Path("/q/services")
@Singleton
public class ServiceSpecResource {

    private static final Pattern SAFE_PATH = Pattern.compile("[A-Za-z0-9._~:@!$&'()*+,;=-]+(/[A-Za-z0-9._~:@!$&'()*+,;=-]+)*");

    @ConfigProperty(name = "setsunai.catalog.url")
    String catalogUrl;

    @ConfigProperty(name = "setsunai.songs.url")
    String songsUrl;

    @Inject
    ObjectMapper mapper;

    private Client client;

    @PostConstruct
    void open() {
        client = ClientBuilder.newBuilder().connectTimeout(300, TimeUnit.MILLISECONDS).readTimeout(2, TimeUnit.SECONDS)
                .register(TraceHeadersFilter.class).build();
    }

    @PreDestroy
    void close() {
        client.close();
    }

    @GET
    @Path("/{service}/openapi")
    @Operation(hidden = true)
    public Uni<Response> spec(@PathParam("service") String service) {
        WebTarget target = target(service).path("/q/openapi").queryParam("format", "json");
        return call(service, target).map(answer -> {
            if (answer.getStatus() != 200) {
                throw new ProblemException(502, service + "-service answered HTTP " + answer.getStatus() + " for its API description.");
            }
            try {
                ObjectNode spec = (ObjectNode) mapper.readTree(answer.readEntity(byte[].class));
                spec.putArray("servers").addObject()
                        .put("url", "/q/services/" + service)
                        .put("description", service + "-service through the gateway (reads only)");
                return Response.ok(spec, MediaType.APPLICATION_JSON).build();
            } catch (Exception e) {
                throw new ProblemException(502, service + "-service's API description is not valid JSON.");
            }
        });
    }

    @GET
    @Path("/{service}/api/{path: .+}")
    @Operation(hidden = true)
    public Uni<Response> read(@PathParam("service") String service, @PathParam("path") String path, @Context UriInfo uri) {
        // only the services' /api reads: no "..", "%2F" or control characters to step outside /api with
        if (!SAFE_PATH.matcher(path).matches() || path.contains("..")) {
            throw new InvalidInputException("path", "must be a path under /api of the service, e.g. titles/your-lie-in-april");
        }
        WebTarget target = target(service).path("/api/" + path);
        for (var param : uri.getQueryParameters().entrySet()) {
            target = target.queryParam(param.getKey(), param.getValue().toArray());
        }
        return call(service, target).map(answer -> {
            var response = Response.status(answer.getStatus()).entity(answer.readEntity(byte[].class));
            if (answer.getMediaType() != null) {
                response.type(answer.getMediaType());
            }
            for (String header : List.of(HttpHeaders.ETAG, "Link", HttpHeaders.RETRY_AFTER)) {
                if (answer.getHeaderString(header) != null) {
                    response.header(header, answer.getHeaderString(header));
                }
            }
            return response.build();
        });
    }

    private Uni<Response> call(String service, WebTarget target) {
        return Uni.createFrom().completionStage(() -> target.request().rx().get())
                .onFailure().transform(e -> new ServiceUnavailable(service + "-service is unavailable right now; please retry shortly.", null));
    }

    private WebTarget target(String service) {
        return switch (service) {
            case "catalog" -> client.target(catalogUrl);
            case "songs" -> client.target(songsUrl);
            default -> throw ProblemException.notFound("No service '" + service + "'; known: catalog, songs.");
        };
    }
}
