package setsunai.catalog.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only once the migrations have loaded the tag vocabulary: without it every write and tag filter fails. */
@Readiness
@ApplicationScoped
public class DatasetReadinessCheck implements HealthCheck {

    @Inject
    DataSource dataSource;

    @Override
    public HealthCheckResponse call() {
        try (Connection connection = dataSource.getConnection();
             ResultSet row = connection.createStatement().executeQuery(
                     // Only the small vocabulary: probes run every few seconds, and counting 100k titles is not free.
                     "SELECT count(*) FROM tag")) {
            row.next();
            long tags = row.getLong(1);
            return HealthCheckResponse.named("Catalog dataset").status(tags > 0)
                    .withData("tags", tags).build();
        } catch (Exception e) {
            return HealthCheckResponse.named("Catalog dataset").down().withData("error", e.getMessage()).build();
        }
    }
}
