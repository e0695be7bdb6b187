package setsunai.gateway.client;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** songs-service's HTTP API, as far as the gateway uses it. Null or empty parameters are left out of the URL. */
@Path("/api/songs")
@RegisterRestClient(configKey = "songs")
public interface SongsApi {

    @GET
    @Path("/{slug}")
    Uni<SongsSong> song(@PathParam("slug") String slug);

    /** Batch lookup: all songs of many titles in one call. */
    @GET
    Uni<PageOf<SongsSong>> songsOfTitles(@QueryParam("title") List<String> titleSlugs, @QueryParam("page") Integer page,
                                         @QueryParam("size") int size);

    /** Songs having any of these moods. */
    @GET
    Uni<PageOf<SongsSong>> byMood(@QueryParam("mood") List<String> moods, @QueryParam("size") int size);

    /** One page of all songs (the consistency report pages through them). */
    @GET
    Uni<PageOf<SongsSong>> page(@QueryParam("page") int page, @QueryParam("size") int size);
}
