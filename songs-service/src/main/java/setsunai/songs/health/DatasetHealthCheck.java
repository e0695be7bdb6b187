package setsunai.songs.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import setsunai.songs.service.SongService;

/**
 * Ready only once the schema is migrated and holds songs: a service that answers every batch call with an empty
 * list would look healthy to the gateway while giving it nothing.
 */
@Readiness
@ApplicationScoped
public class DatasetHealthCheck implements HealthCheck {

    @Inject
    SongService songs;

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("songs dataset");
        try {
            return songs.hasSongs() ? response.up().build()
                    : response.down().withData("reason", "the song table is empty").build();
        } catch (Exception e) {
            return response.down().withData("reason", e.getClass().getSimpleName() + ": " + e.getMessage()).build();
        }
    }
}
