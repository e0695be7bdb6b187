package setsunai.gateway.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
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
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import setsunai.common.problem.InvalidInputException;
import setsunai.common.problem.ProblemException;
import setsunai.gateway.client.TraceHeadersFilter;
import setsunai.gateway.service.ServiceUnavailable;

/**
 * The services' OpenAPI documents and read-only API, served through the gateway so that its Swagger UI can show and
 * try all three with only the gateway's port published. Each spec is rewritten to what the pass-through serves: its
 * reads only, with {@code servers} at the pass-through (path-only), and the links the services answer with point
 * at the pass-through under the gateway's public URL. The public URL is the one the client asked for: its Host, or a trusted proxy's
 * {@code Forwarded}/{@code X-Forwarded-*} when {@code quarkus.http.proxy.*} allows them (see README). Hidden from the
 * gateway's own spec: it is plumbing, not the product.
 */
@Path("/q/services")
@Singleton
public class ServiceSpecResource {

    /** What the pass-through does not serve: the services' editor writes. */
    private static final List<String> WRITES = List.of("post", "put", "patch", "delete");
    /** An absolute URL a service built for itself, up to its /api path: {@code <http://catalog-service:8081/api/...>}. */
    private static final Pattern SERVICE_URL = Pattern.compile("(?<=<|^)https?://[^/<>\\s]+(?=/api[/?>]|/api$)");
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
                readsOnly(spec, service);
                // Path-only, so Swagger UI resolves it against the host it loaded this spec from, whatever proxy
                // stands in front; links in answers (Location, Link) are absolute and use the public URL.
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
        String base = publicBase(uri, service);
        for (var param : uri.getQueryParameters().entrySet()) {
            target = target.queryParam(param.getKey(), param.getValue().toArray());
        }
        return call(service, target).map(answer -> {
            var response = Response.status(answer.getStatus()).entity(answer.readEntity(byte[].class));
            if (answer.getMediaType() != null) {
                response.type(answer.getMediaType());
            }
            for (String header : List.of(HttpHeaders.ETAG, HttpHeaders.RETRY_AFTER)) {
                if (answer.getHeaderString(header) != null) {
                    response.header(header, answer.getHeaderString(header));
                }
            }
            // the service's own URLs (an internal host name under compose) become the gateway's pass-through
            for (String header : List.of("Link", HttpHeaders.LOCATION)) {
                String value = answer.getHeaderString(header);
                if (value != null) {
                    response.header(header, SERVICE_URL.matcher(value).replaceAll(Matcher.quoteReplacement(base)));
                }
            }
            return response.build();
        });
    }

    /**
     * Drops the operations the pass-through answers with 405 (the editor writes), and the paths left empty, and says
     * where writes go, so that Swagger UI offers only what works through the gateway.
     */
    private static void readsOnly(ObjectNode spec, String service) {
        JsonNode paths = spec.path("paths");
        List<String> empty = new ArrayList<>();
        paths.fields().forEachRemaining(path -> {
            if (path.getValue() instanceof ObjectNode item) {
                item.remove(WRITES);
                if (!item.has("get")) {
                    empty.add(path.getKey());
                }
            }
        });
        if (paths instanceof ObjectNode object) {
            object.remove(empty);
        }
        // and the tags only writes had (e.g. "Editing"), which Swagger UI would show as empty sections
        Set<String> used = new HashSet<>();
        paths.forEach(item -> item.path("get").path("tags").forEach(tag -> used.add(tag.asText())));
        if (spec.path("tags") instanceof ArrayNode tags) {
            for (int i = tags.size() - 1; i >= 0; i--) {
                if (!used.contains(tags.get(i).path("name").asText())) {
                    tags.remove(i);
                }
            }
        }
        ObjectNode info = spec.path("info") instanceof ObjectNode given ? given : spec.putObject("info");
        info.put("description", info.path("description").asText("") + "\n\nThrough the gateway: reads only. "
                + "Editor writes (POST, PUT, DELETE, import) are not served here; editors send them to " + service
                + "-service itself, inside the deployment (see its README), with a bearer JWT.");
    }

    /** The gateway's public URL (as the client or a trusted proxy named it) of a service's pass-through. */
    private static String publicBase(UriInfo uri, String service) {
        String base = uri.getBaseUri().toString();
        return (base.endsWith("/") ? base : base + "/") + "q/services/" + service;
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
