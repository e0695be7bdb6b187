package setsunai.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import setsunai.testsupport.EmbeddedDatabase;

/**
 * The real system: one PostgreSQL prepared by db/roles.sql, and the three packaged services started with the
 * environment docker-compose.yml gives them (only host names and ports differ). Asks the gateway, as a client would.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SetsunaiSystemIT {

    static EmbeddedDatabase database;
    static ComposeEnvironment compose;
    static ServiceProcess catalog;
    static ServiceProcess songs;
    static ServiceProcess gateway;

    @BeforeAll
    static void startSystem() throws Exception {
        compose = new ComposeEnvironment(Path.of("..", "docker-compose.yml"));
        database = EmbeddedDatabase.start(null, 0);
        catalog = new ServiceProcess("catalog-service", ServiceProcess.freePort());
        songs = new ServiceProcess("songs-service", ServiceProcess.freePort());
        gateway = new ServiceProcess("gateway", ServiceProcess.freePort());

        catalog.start(localized(compose.of("catalog-service")));
        songs.start(localized(compose.of("songs-service")));
        catalog.awaitReady(Duration.ofSeconds(90));
        songs.awaitReady(Duration.ofSeconds(90));
        gateway.start(localized(compose.of("gateway")));
        gateway.awaitReady(Duration.ofSeconds(90));
        warmUp();
    }

    /**
     * The first requests to fresh JVMs (class loading, first queries) can outlast the gateway's timeouts on a busy
     * 2-core machine, giving honest but degraded answers. This test is about the wiring, not cold-start latency:
     * it asks until the gateway composes a complete answer, and fails if that does not happen within a minute.
     */
    static void warmUp() throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(60);
        while (true) {
            var response = given().baseUri(gateway.url()).get("/api/titles/5-centimeters-per-second");
            if (response.statusCode() == 200 && response.jsonPath().getList("degraded").isEmpty()) {
                return;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("The gateway gave no complete answer within a minute: "
                        + response.statusCode() + " " + response.asString());
            }
            Thread.sleep(500);
        }
    }

    /** Compose's service names become this machine's addresses. */
    static Map<String, String> localized(Map<String, String> environment) {
        Map<String, String> local = new HashMap<>();
        environment.forEach((key, value) -> local.put(key, value
                .replace("//postgres:5432/", "//localhost:" + database.port() + "/")
                .replace("//catalog-service:8081", "//localhost:" + catalog.port)
                .replace("//songs-service:8082", "//localhost:" + songs.port)));
        return local;
    }

    @AfterAll
    static void stopSystem() throws Exception {
        for (ServiceProcess service : new ServiceProcess[] {gateway, songs, catalog}) {
            if (service != null) {
                service.close();
            }
        }
        if (database != null) {
            database.close();
        }
    }

    @Test
    @Order(1)
    void composePublishesOnlyTheGateway() {
        assertTrue(compose.publishes("gateway"));
        for (String internal : List.of("postgres", "catalog-service", "songs-service")) {
            assertFalse(compose.publishes(internal), internal + " must not be published");
        }
    }

    @Test
    @Order(2)
    void gatewayAnswersATitleWithItsSongs() {
        given().baseUri(gateway.url())
                .get("/api/titles/5-centimeters-per-second")
                .then().statusCode(200)
                .body("title.slug", equalTo("5-centimeters-per-second"))
                .body("title.format", equalTo("MOVIE"))
                .body("soundtrack.slug", hasItem("one-more-time-one-more-chance"))
                .body("degraded", empty());
    }

    @Test
    @Order(3)
    void unknownTitleIsA404ProblemThroughTheGateway() {
        given().baseUri(gateway.url())
                .get("/api/titles/no-such-title")
                .then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    @Order(4)
    void eachServiceRoleIsFencedIntoItsOwnSchema() throws SQLException {
        Map<String, String> catalogEnv = compose.of("catalog-service");
        Map<String, String> songsEnv = compose.of("songs-service");
        assertNoAccess(catalogEnv, "SELECT count(*) FROM songs.song");
        assertNoAccess(songsEnv, "SELECT count(*) FROM catalog.title");
    }

    private static void assertNoAccess(Map<String, String> env, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(database.url(),
                env.get("QUARKUS_DATASOURCE_USERNAME"), env.get("QUARKUS_DATASOURCE_PASSWORD"))) {
            SQLException denied = assertThrows(SQLException.class, () -> connection.createStatement().executeQuery(sql));
            assertEquals("42501", denied.getSQLState(), denied.getMessage());
        }
    }

    @Test
    @Order(5)
    void recommendsTitlesWithReasonsAndSongsForTwoMoods() {
        for (String mood : List.of("heartbroken", "grieving")) {
            given().baseUri(gateway.url()).queryParam("mood", mood).queryParam("limit", 5)
                    .get("/api/recommendations")
                    .then().statusCode(200)
                    .body("items.size()", equalTo(5))
                    .body("items[0].reasons", not(empty()))
                    .body("items.songs.flatten()", not(empty()))
                    .body("degraded", empty());
        }
    }

    @Test
    @Order(6)
    void aSongLeadsToTheAnimeItIsUsedIn() {
        given().baseUri(gateway.url())
                .get("/api/songs/one-more-time-one-more-chance")
                .then().statusCode(200)
                .body("titles.slug", hasItem("5-centimeters-per-second"))
                .body("degraded", empty());
    }

    @Test
    @Order(100)
    void withTheSongsServiceStoppedTheGatewayDegradesAndRecoversWhenItIsBack() throws Exception {
        songs.close();
        given().baseUri(gateway.url())
                .get("/api/titles/your-lie-in-april")
                .then().statusCode(200)
                .body("title.slug", equalTo("your-lie-in-april"))
                .body("soundtrack", empty())
                .body("degraded.service", hasItem("songs"));
        given().baseUri(gateway.url()).queryParam("mood", "longing")
                .get("/api/recommendations")
                .then().statusCode(200)
                .body("items", not(empty()))
                .body("degraded.service", hasItem("songs"));

        // Started again on the same port, without restarting the gateway: full answers come back once the
        // circuit breaker lets a trial call through.
        songs.start(localized(compose.of("songs-service")));
        songs.awaitReady(Duration.ofSeconds(90));
        Instant deadline = Instant.now().plusSeconds(60);
        List<Object> degraded;
        do {
            Thread.sleep(500);
            degraded = given().baseUri(gateway.url()).get("/api/titles/your-lie-in-april")
                    .then().statusCode(200).extract().jsonPath().getList("degraded");
        } while (!degraded.isEmpty() && Instant.now().isBefore(deadline));
        assertTrue(degraded.isEmpty(), "still degraded after songs-service came back: " + degraded);
    }
}
