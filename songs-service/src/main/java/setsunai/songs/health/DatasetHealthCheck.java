package setsunai.songs.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only once the schema is migrated and holds songs: a service that answers every batch call with an empty
 * list would look healthy to the gateway while giving it nothing.
 */
@Readiness
@ApplicationScoped
public class DatasetHealthCheck implements HealthCheck {

    @Inject
    DataSource dataSource;

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("songs dataset");
        try (Connection connection = dataSource.getConnection();
             ResultSet row = connection.createStatement().executeQuery("SELECT EXISTS (SELECT 1 FROM song)")) {
            row.next();
            return row.getBoolean(1) ? response.up().build()
                    : response.down().withData("reason", "the song table is empty").build();
        } catch (Exception e) {
            return response.down().withData("reason", e.getClass().getSimpleName() + ": " + e.getMessage()).build();
        }
    }
}
