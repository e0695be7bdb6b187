package setsunai.gateway.client;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** catalog-service's HTTP API, as far as the gateway uses it. */
@Path("/api/titles")
@RegisterRestClient(configKey = "catalog")
public interface CatalogApi {

    @GET
    @Path("/{slug}")
    Uni<CatalogTitle> title(@PathParam("slug") String slug);

    /** Batch lookup: many titles in one call. */
    @GET
    Uni<PageOf<CatalogTitle>> titles(@QueryParam("slug") List<String> slugs, @QueryParam("size") int size);
}
