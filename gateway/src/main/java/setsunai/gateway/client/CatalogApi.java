package setsunai.gateway.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** catalog-service's HTTP API, as far as the gateway uses it. Null or empty parameters are left out of the URL. */
@Path("/api/titles")
@RegisterRestClient(configKey = "catalog")
public interface CatalogApi {

    @GET
    @Path("/{slug}")
    Uni<CatalogTitle> title(@PathParam("slug") String slug);

    /** Batch lookup: many titles in one call. */
    @GET
    Uni<PageOf<CatalogTitle>> titles(@QueryParam("slug") List<String> slugs, @QueryParam("size") int size);

    /** Batch lookup by title id ({@code mal:23273}, {@code slug:anohana}), up to 100: the titles and {@code notFound}. */
    @GET
    Uni<TitleLookup> titlesByIds(@QueryParam("id") List<String> ids, @QueryParam("size") int size);

    /** Mood candidates in one call: titles having at least one of {@code anyTag}, filtered, hardest-hitting first. */
    @GET
    Uni<PageOf<CatalogTitle>> search(@QueryParam("anyTag") List<String> anyTag,
                                     @QueryParam("format") List<String> format,
                                     @QueryParam("ending") List<String> ending,
                                     @QueryParam("sort") String sort,
                                     @QueryParam("page") Integer page,
                                     @QueryParam("size") int size);

    /** One page of the whole catalogue (the consistency report pages through it). */
    @GET
    Uni<PageOf<CatalogTitle>> page(@QueryParam("page") int page, @QueryParam("size") int size);

    /** Read as a tree: the service may answer a page or a bare list, with fields we do not know. */
    @GET
    @Path("/{slug}/similar")
    Uni<JsonNode> similar(@PathParam("slug") String slug, @QueryParam("size") int size);
}
