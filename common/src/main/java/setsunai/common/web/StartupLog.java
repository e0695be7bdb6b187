package setsunai.common.web;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/** Tells whoever reads the log where to look once a service is up. */
public class StartupLog {

    private static final Logger LOG = Logger.getLogger(StartupLog.class);

    void onStart(@Observes StartupEvent event,
                 @ConfigProperty(name = "quarkus.application.name") String name,
                 @ConfigProperty(name = "quarkus.http.port") int port,
                 @ConfigProperty(name = "setsunai.api-paths") String apiPaths,
                 @ConfigProperty(name = "quarkus.datasource.jdbc.url") Optional<String> database) {
        LOG.infof("%s listening on :%d; API %s; Swagger UI /q/swagger-ui; health /q/health/ready; metrics /q/metrics%s",
                name, port, apiPaths, database.map(url -> "; database " + url).orElse(""));
    }
}
