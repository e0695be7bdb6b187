package setsunai.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.RestAssured;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import setsunai.testsupport.Tokens;

/**
 * Fault drills on the real processes of {@link SetsunaiSystem}: a service stopped and started again, PostgreSQL
 * restarted, PostgreSQL killed during a stream of writes. Each drill ends with the whole system recovered by
 * itself (nothing restarted but what the drill stopped), which the next drill relies on.
 */
@Order(2)
@ExtendWith(SetsunaiSystem.Shared.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultsIT {

    /** How long the system may take to come back after a fault; a bound, not an expectation. */
    private static final Duration RECOVERY = Duration.ofSeconds(60);

    static SetsunaiSystem system;

    @BeforeAll
    static void connect(SetsunaiSystem shared) {
        system = shared;
        // No request of a drill may hang the build: a service that does not answer is a failure.
        RestAssured.config = RestAssuredConfig.config().httpClient(HttpClientConfig.httpClientConfig()
                .setParam("http.connection.timeout", 2_000).setParam("http.socket.timeout", 15_000));
    }

    @Test
    @Order(1)
    void withTheSongsServiceStoppedTheGatewayDegradesAndRecoversWhenItIsBack() throws Exception {
        system.songs.close();
        try {
            given().baseUri(system.gateway.url())
                    .get("/api/titles/your-lie-in-april")
                    .then().statusCode(200)
                    .body("title.slug", equalTo("your-lie-in-april"))
                    .body("soundtrack", empty())
                    .body("degraded.service", hasItem("songs"));
            given().baseUri(system.gateway.url()).queryParam("mood", "longing")
                    .get("/api/recommendations")
                    .then().statusCode(200)
                    .body("items", not(empty()))
                    .body("degraded.service", hasItem("songs"));
        } finally {
            // Started again on the same port, without restarting the gateway.
            system.startService(system.songs);
            system.songs.awaitReady(Duration.ofSeconds(90));
        }
        // Full answers come back once the circuit breaker lets a trial call through.
        awaitGatewayComplete();
    }

    @Test
    @Order(2)
    void withTheCatalogStoppedTheGatewayAnswersA503ProblemAndRecoversWhenItIsBack() throws Exception {
        system.catalog.close();
        try {
            // A mood and filter not asked before: the gateway keeps a mood's candidates for a few seconds.
            for (String path : List.of("/api/titles/your-lie-in-april", "/api/recommendations?mood=longing&format=OVA")) {
                given().baseUri(system.gateway.url()).get(path)
                        .then().statusCode(503)
                        .contentType("application/problem+json")
                        .body("status", equalTo(503));
            }
        } finally {
            system.startService(system.catalog);
            system.catalog.awaitReady(Duration.ofSeconds(90));
        }
        awaitGatewayComplete();
    }

    @Test
    @Order(3)
    void whilePostgresRestartsTheServicesAnswer503WithRetryAfterAndAllRecoverByThemselves() throws Exception {
        String catalog = system.catalog.url();
        String songs = system.songs.url();
        system.database.stop();
        try {
            for (String url : List.of(catalog + "/api/titles/your-lie-in-april", catalog + "/api/titles?q=april",
                    songs + "/api/songs/one-more-time-one-more-chance", songs + "/api/songs?q=chance")) {
                assertDatabaseDown(given().get(url), url);
            }
            assertDatabaseDown(editor().body(title("fault-restart-during")).post(catalog + "/api/titles"),
                    "POST /api/titles");
            assertDatabaseDown(editor().body(song("fault-restart-during")).post(songs + "/api/songs"), "POST /api/songs");
            for (String url : List.of(catalog + "/q/health/ready", songs + "/q/health/ready")) {
                given().get(url).then().statusCode(503).body("status", equalTo("DOWN"));
            }
            // The gateway, as for a stopped service: the catalogue is the primary source of a title, songs of a song.
            for (String path : List.of("/api/titles/your-lie-in-april", "/api/songs/one-more-time-one-more-chance")) {
                given().baseUri(system.gateway.url()).get(path)
                        .then().statusCode(503).contentType("application/problem+json");
            }
        } finally {
            // The same server again, same port and data: nothing else is restarted.
            system.database.start();
        }
        awaitUntil("catalog-service and songs-service ready again",
                () -> statusOf(catalog + "/q/health/ready") == 200 && statusOf(songs + "/q/health/ready") == 200);
        awaitGatewayComplete();
        awaitUntil("the song through the gateway again", () -> {
            Response song = given().baseUri(system.gateway.url()).get("/api/songs/one-more-time-one-more-chance");
            return song.statusCode() == 200 && song.jsonPath().getList("degraded").isEmpty();
        });
        editor().body(title("fault-restart-after")).post(catalog + "/api/titles").then().statusCode(201);
        editor().body(song("fault-restart-after")).post(songs + "/api/songs").then().statusCode(201);
    }

    @Test
    @Order(4)
    void everyWriteAcknowledgedBeforePostgresWasKilledIsThereAfterCrashRecovery() throws Exception {
        WriteStream titles = new WriteStream("titles", system.catalog.url() + "/api/titles", FaultsIT::title, 3);
        WriteStream songs = new WriteStream("songs", system.songs.url() + "/api/songs", FaultsIT::song, 2);
        long killed;
        try {
            titles.start();
            songs.start();
            awaitUntil("writes acknowledged before the kill",
                    () -> titles.acknowledged().size() >= 100 && songs.acknowledged().size() >= 50);

            titles.phase("outage");
            songs.phase("outage");
            killed = system.database.kill();
            try {
                awaitUntil("writes refused while PostgreSQL is down",
                        () -> titles.refusedSince("outage") > 0 && songs.refusedSince("outage") > 0);
            } finally {
                system.database.start(); // crash recovery from the write-ahead log
            }
            titles.phase("recovered");
            songs.phase("recovered");
            awaitUntil("writes acknowledged again after crash recovery",
                    () -> titles.acknowledgedSince("recovered") >= 20 && songs.acknowledgedSince("recovered") >= 20);
        } finally {
            titles.stop();
            songs.stop();
        }

        Set<String> storedTitles = stored("SELECT slug FROM catalog.title WHERE slug LIKE 'fault-titles-%'");
        Set<String> storedSongs = stored("SELECT slug FROM songs.song WHERE slug LIKE 'fault-songs-%'");
        System.out.printf("PostgreSQL (pid %d) killed during writes, restarted on its data directory:%n", killed);
        System.out.println("  " + titles.report(storedTitles));
        System.out.println("  " + songs.report(storedSongs));

        assertEquals(Set.of(), missing(titles.acknowledged(), storedTitles), "titles that answered 201 but are gone");
        assertEquals(Set.of(), missing(songs.acknowledged(), storedSongs), "songs that answered 201 but are gone");
        // What a writer sees while the database is down is a 503 it can retry, never a 500 nor a broken connection.
        for (WriteStream stream : List.of(titles, songs)) {
            assertTrue(Set.of("201", "503").containsAll(stream.outcomes().keySet()),
                    stream.name + " answered " + stream.outcomes());
        }
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    /** Polls until the condition holds, for {@link #RECOVERY} at most: the bound is the assertion, not the pause. */
    static void awaitUntil(String what, BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(RECOVERY);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("not within " + RECOVERY.toSeconds() + " s: " + what);
            }
            Thread.sleep(250);
        }
    }

    /** Until the gateway composes a full title answer again: its circuit breakers let trial calls through. */
    private static void awaitGatewayComplete() throws InterruptedException {
        awaitUntil("a complete answer from the gateway", () -> {
            Response title = given().baseUri(system.gateway.url()).get("/api/titles/your-lie-in-april");
            return title.statusCode() == 200 && title.jsonPath().getList("degraded").isEmpty();
        });
    }

    private static int statusOf(String url) {
        try {
            return given().get(url).statusCode();
        } catch (RuntimeException notAnswering) {
            return -1;
        }
    }

    private static void assertDatabaseDown(Response response, String what) {
        System.out.printf("PostgreSQL stopped: %s -> %d %s, Retry-After %s%n", what, response.statusCode(),
                response.contentType(), response.header("Retry-After"));
        response.then().log().ifValidationFails()
                .statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", matchesPattern("\\d+"))
                .body("status", equalTo(503));
    }

    private static io.restassured.specification.RequestSpecification editor() {
        return given().auth().oauth2(Tokens.editor()).contentType("application/json");
    }

    static String title(String slug) {
        return """
                {"slug": "%s", "title": "Fault Drill %s", "nativeTitle": "Shiken", "format": "TV", "episodes": 12,
                 "year": 2020, "season": "SPRING", "studios": ["Test Studio"], "directors": ["A. Director"],
                 "source": "ORIGINAL", "synopsis": "Written by a fault drill.", "tags": ["grief"], "ending": "OPEN",
                 "tearjerker": 1, "streaming": [], "externalIds": {}}""".formatted(slug, slug);
    }

    static String song(String slug) {
        return """
                {"slug": "%s", "title": "Fault Drill %s", "year": 2030, "moods": ["HOPE"],
                 "artists": [{"slug": "fault-drill-artist", "name": "Fault Drill", "role": "PERFORMER"}],
                 "usages": [{"titleSlug": "fault-drill", "titleName": "Fault Drill", "role": "THEME", "sequence": 1}]}"""
                .formatted(slug, slug);
    }

    private static Set<String> stored(String sql) throws Exception {
        Set<String> slugs = new HashSet<>();
        try (Connection connection = DriverManager.getConnection(system.database.url(), "postgres", "");
             ResultSet rows = connection.createStatement().executeQuery(sql)) {
            while (rows.next()) {
                slugs.add(rows.getString(1));
            }
        }
        return slugs;
    }

    private static Set<String> missing(Set<String> acknowledged, Set<String> stored) {
        Set<String> missing = new TreeSet<>(acknowledged);
        missing.removeAll(stored);
        return missing;
    }
}
