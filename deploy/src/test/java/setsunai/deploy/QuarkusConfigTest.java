package setsunai.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QuarkusConfigTest {

    @Test
    void readsDurationsAsQuarkusDoes() {
        assertEquals(Duration.ofSeconds(10), QuarkusConfig.duration("10S"));
        assertEquals(Duration.ofSeconds(10), QuarkusConfig.duration("10"));
        assertEquals(Duration.ofSeconds(10), QuarkusConfig.duration("PT10S"));
        assertEquals(Duration.ofMillis(500), QuarkusConfig.duration("500ms"));
        assertEquals(Duration.ofMinutes(2), QuarkusConfig.duration("2m"));
    }

    @Test
    void theEnvironmentOverridesTheFilesAndProdOverridesTheDefault() {
        assertEquals("10S", QuarkusConfig.value("gateway", "quarkus.shutdown.timeout", Map.of()).orElseThrow());
        assertEquals("3S", QuarkusConfig.value("gateway", "quarkus.shutdown.timeout",
                Map.of("QUARKUS_SHUTDOWN_TIMEOUT", "3S")).orElseThrow());
        assertEquals("8", QuarkusConfig.value("catalog-service", "quarkus.datasource.jdbc.max-size", Map.of()).orElseThrow());
    }
}
