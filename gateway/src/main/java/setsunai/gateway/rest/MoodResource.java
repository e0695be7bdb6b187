package setsunai.gateway.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import setsunai.gateway.api.MoodView;
import setsunai.gateway.service.Moods;

@Path("/api/moods")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Moods", description = "The moods the gateway understands.")
public class MoodResource {

    @Inject
    Moods moods;

    @GET
    @Operation(operationId = "listMoods", summary = "The moods", description = "Each mood with a description and what it looks for: catalogue tags "
            + "and title endings with the points they earn, and the song moods that fit. No downstream call.")
    public List<MoodView> list() {
        return moods.all();
    }
}
