package setsunai.gateway.client;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** songs-service's HTTP API, as far as the gateway uses it. */
@Path("/api/songs")
@RegisterRestClient(configKey = "songs")
public interface SongsApi {

    /** Batch lookup: all songs of many titles in one call. */
    @GET
    Uni<PageOf<SongsSong>> songsOfTitles(@QueryParam("title") List<String> titleSlugs, @QueryParam("size") int size);
}
