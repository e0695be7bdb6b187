package setsunai.songs;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import setsunai.testsupport.fuzz.OpenApiFuzzer;

/**
 * Odd requests generated from the service's own OpenAPI (setsunai.testsupport.fuzz): no 5xx, problem+json for every
 * error, nothing internal in any body, nothing stored. {@code -Dsetsunai.fuzz.requests=20000} for a long run.
 */
@QuarkusTest
class OpenApiFuzzTest {

    @TestHTTPResource("/")
    URI root;

    @Inject
    DataSource dataSource;

    @Test
    void oddRequestsNeverBreakTheServiceNorStoreAnything() {
        OpenApiFuzzer.of("songs-service", root).database(dataSource, "songs").run().assertNoFindings();
    }
}
