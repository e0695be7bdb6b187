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

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The wiring of the real system (see {@link SetsunaiSystem}): asks the gateway, as a client would. Runs before the
 * fault drills of {@link FaultsIT}, on the same processes.
 */
@Order(1)
@ExtendWith(SetsunaiSystem.Shared.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SetsunaiSystemIT {

    static ComposeEnvironment compose;
    static DatabaseProcess database;
    static ServiceProcess gateway;

    @BeforeAll
    static void connect(SetsunaiSystem system) {
        compose = system.compose;
        database = system.database;
        gateway = system.gateway;
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
}
