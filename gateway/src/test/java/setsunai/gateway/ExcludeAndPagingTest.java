package setsunai.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.havingExactly;
import static com.github.tomakehurst.wiremock.client.WireMock.including;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import com.github.tomakehurst.wiremock.http.Fault;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Issue 14 items 1 and 9: {@code exclude} on recommendations and playlists, POST /api/recommendations, paging. */
@QuarkusTest
@WithTestResource(WireMockServices.class)
class ExcludeAndPagingTest extends GatewayTestBase {

    static final String FIVE_CM = withIds(title("5-centimeters-per-second", "5 Centimeters per Second", "MOVIE",
            "BITTERSWEET", 8, "first-love", "long-distance", "drifting-apart", "unrequited-love"), 1689, 1689);
    static final String YOUR_LIE = withIds(title("your-lie-in-april", "Your Lie in April", "TV", "TRAGIC", 10,
            "music", "terminal-illness", "unrequited-love", "first-love"), 23273, 20665);
    static final String TORADORA = withIds(title("toradora", "Toradora!", "TV", "HOPEFUL", 5, "love-triangle"), 4224, 4224);
    /** No provider ids at all (15 of the catalogue's titles have none). */
    static final String NO_IDS = title("kimi-ni-todoke", "Kimi ni Todoke", "TV", "HOPEFUL", 4, "first-love", "slow-burn");
    /** Fits no heartbroken tag: the catalogue sends it, the gateway filters it out. */
    static final String WAR = withIds(title("grave-of-the-fireflies", "Grave of the Fireflies", "MOVIE", "TRAGIC", 10,
            "war"), 578, 578);

    /** The title JSON of the base class, with the externalIds the catalogue gives (numbers, as in its dataset). */
    static String withIds(String title, int mal, int anilist) {
        return title.replace("\"version\": 3", "\"externalIds\": {\"mal\": %d, \"anilist\": %d}, \"version\": 3"
                .formatted(mal, anilist));
    }

    void stubHeartbroken() {
        stubJson(titlesApi(), page(TORADORA, WAR, YOUR_LIE, NO_IDS, FIVE_CM));
        stubJson(songsApi(), page());
    }

    /** The catalogue's id lookup for exactly these ids (in this order): these titles, and the ids naming none. */
    void stubLookup(List<String> ids, List<String> notFound, String... titles) {
        wireMock.stubFor(titlesApi().atPriority(1).withQueryParam("id", havingExactly(ids.toArray(String[]::new)))
                .willReturn(okJson(lookupPage(notFound, titles))));
    }

    /** A page as the catalogue answers GET /api/titles?id=: with notFound. */
    static String lookupPage(List<String> notFound, String... titles) {
        String page = page(titles);
        return page.substring(0, page.length() - 1) + ", \"notFound\": [" + notFound.stream().map(id -> "\"" + id + "\"")
                .collect(Collectors.joining(", ")) + "]}";
    }

    /** Id lookups only (the catalogue's mood candidates are asked by anyTag). */
    static com.github.tomakehurst.wiremock.matching.RequestPatternBuilder lookups() {
        return getRequestedFor(urlPathEqualTo("/api/titles")).withQueryParam("id", matching(".+"));
    }

    static com.github.tomakehurst.wiremock.matching.RequestPatternBuilder candidateCalls() {
        return getRequestedFor(urlPathEqualTo("/api/titles")).withQueryParam("anyTag", matching(".+"));
    }

    @Test
    void excludedBySlugOrProviderIdNeverAppearAndAreNotLookedUp() {
        stubHeartbroken();
        stubLookup(List.of("slug:your-lie-in-april", "mal:4224"), List.of(), YOUR_LIE, TORADORA);
        stubLookup(List.of("anilist:20665", "mal:1689"), List.of(), YOUR_LIE, FIVE_CM);
        given().get("/api/recommendations?mood=heartbroken").then().statusCode(200)
                .body("items.title.slug", contains("5-centimeters-per-second", "your-lie-in-april", "toradora",
                        "kimi-ni-todoke"));

        given().get("/api/recommendations?mood=heartbroken&exclude=your-lie-in-april&exclude=mal:4224")
                .then().statusCode(200)
                .body("items.title.slug", contains("5-centimeters-per-second", "kimi-ni-todoke"))
                .body("totalItems", equalTo(2))
                .body("excludeUnmatched", empty())
                .body("degraded", empty());
        // by the AniList id (not the same number as the MAL one), the provider in capitals and with a leading zero
        given().get("/api/recommendations?mood=heartbroken&exclude=anilist:20665&exclude=MAL:01689")
                .then().statusCode(200)
                .body("items.title.slug", contains("toradora", "kimi-ni-todoke"))
                .body("excludeUnmatched", empty());

        // the excluded titles' songs are not even asked for; still one candidates call (cached) and one songs call
        // each, and one id lookup per answer with exclude values (normalised, in the order given)
        wireMock.verify(1, getRequestedFor(urlPathEqualTo("/api/songs"))
                .withQueryParam("title", havingExactly("5-centimeters-per-second", "kimi-ni-todoke")));
        wireMock.verify(1, candidateCalls());
        wireMock.verify(2, lookups());
        wireMock.verify(3, getRequestedFor(urlPathEqualTo("/api/titles")));
        wireMock.verify(3, getRequestedFor(urlPathEqualTo("/api/songs")));
    }

    @Test
    void valuesNamingNoTitleInTheCatalogueAreIgnoredAndReported() {
        stubHeartbroken();
        stubLookup(List.of("mal:999999", "slug:toradora", "slug:no-such-title", "slug:grave-of-the-fireflies",
                "anilist:4224"), List.of("mal:999999", "slug:no-such-title"), TORADORA, WAR);

        given().get("/api/recommendations?mood=heartbroken&exclude=mal:999999&exclude=toradora&exclude=no-such-title"
                        + "&exclude=grave-of-the-fireflies&exclude=anilist:4224")
                .then().statusCode(200)
                .body("items.title.slug", contains("5-centimeters-per-second", "your-lie-in-april", "kimi-ni-todoke"))
                // in the order given, as the caller wrote them; grave-of-the-fireflies exists (it just does not fit
                // heartbroken), so it is not reported
                .body("excludeUnmatched", contains("mal:999999", "no-such-title"))
                .body("degraded", empty());
    }

    @Test
    void withoutTheIdLookupProviderIdsAreMatchedAgainstTheCandidatesAndTheFailureIsNamed() {
        stubHeartbroken();
        String exclude = "/api/recommendations?mood=heartbroken&exclude=mal:23273&exclude=anilist:4224"
                + "&exclude=grave-of-the-fireflies&exclude=mal:999999";
        // the lookup fails: exclusion stays exact (the candidates carry their ids); unmatched is relative to them
        wireMock.stubFor(titlesApi().atPriority(1).withQueryParam("id", matching(".+"))
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        given().get(exclude).then().statusCode(200)
                .body("items.title.slug", contains("5-centimeters-per-second", "kimi-ni-todoke"))
                .body("excludeUnmatched", contains("grave-of-the-fireflies", "mal:999999"))
                .body("degraded.service", contains("catalog"));

        // a catalogue that ignores id= answers a plain page (no notFound): not taken for matches
        wireMock.resetAll();
        breakers.resetAll();
        stubHeartbroken();
        given().get(exclude).then().statusCode(200)
                .body("items.title.slug", contains("5-centimeters-per-second", "kimi-ni-todoke"))
                .body("excludeUnmatched", contains("grave-of-the-fireflies", "mal:999999"))
                .body("degraded.service", contains("catalog"))
                .body("degraded[0].reason", containsString("without notFound"));

        // the catalogue down: no candidates, so no answer (as before the lookup)
        caches.getCacheNames().forEach(name -> caches.getCache(name).orElseThrow().invalidateAll().await().indefinitely());
        wireMock.stubFor(titlesApi().atPriority(1).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        given().get(exclude).then().statusCode(503).contentType("application/problem+json");
    }

    @Test
    void malformedExcludeValuesAre400sNamingThemWithoutADownstreamCall() {
        for (String bad : List.of("imdb:123", "mal:", "mal:12a", "Toradora", "toradora!", "-toradora", "mal:1535:2",
                "a".repeat(121))) {
            given().queryParam("mood", "heartbroken").queryParam("exclude", "toradora").queryParam("exclude", bad)
                    .get("/api/recommendations")
                    .then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors", hasSize(1))
                    .body("errors[0].field", equalTo("exclude"))
                    .body("errors[0].message", containsString("'" + (bad.length() > 40 ? bad.substring(0, 40) : bad)))
                    .body("errors[0].message", containsString("providers: mal, anilist, anidb, kitsu, bangumi"));
        }
        given().queryParam("exclude", "imdb:1").get("/api/playlists/heartbroken")
                .then().statusCode(400)
                .body("errors[0].field", equalTo("exclude"))
                .body("errors[0].message", containsString("'imdb:1' is neither a title slug"));
        // many bad values: a few named, the rest counted, the answer stays short
        given().queryParam("mood", "heartbroken").queryParam("exclude", IntStream.range(0, 50).mapToObj(i -> "X" + i).toList())
                .get("/api/recommendations")
                .then().statusCode(400)
                .body("errors[0].message", containsString("'X0', 'X1', 'X2' and 47 more are neither"));
        wireMock.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void atMost500ExcludeValues() {
        stubHeartbroken();
        List<String> many = IntStream.rangeClosed(1, 501).mapToObj(i -> "mal:" + (100000 + i)).collect(Collectors.toList());

        given().contentType(ContentType.JSON).body(body("heartbroken", many)).post("/api/recommendations")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("exclude"))
                .body("errors[0].message", equalTo("at most 500 values are allowed, got 501"));
        wireMock.verify(0, anyRequestedFor(anyUrl()));

        List<String> fiveHundred = new ArrayList<>(many.subList(0, 499));
        fiveHundred.add("toradora");
        List<String> asked = fiveHundred.stream().map(v -> v.startsWith("mal:") ? v : "slug:" + v).toList();
        // five lookups of 100 ids, each answering for its own (told apart by their first id: WireMock matching 100
        // values exactly against every stub outlasted the test's deadline)
        for (int from = 0; from < 500; from += 100) {
            List<String> chunk = asked.subList(from, from + 100);
            wireMock.stubFor(titlesApi().atPriority(1).withQueryParam("id", including(chunk.get(0)))
                    .willReturn(okJson(lookupPage(chunk.stream().filter(id -> id.startsWith("mal:")).toList(),
                            chunk.contains("slug:toradora") ? new String[] {TORADORA} : new String[0]))));
        }
        given().contentType(ContentType.JSON).body(body("heartbroken", fiveHundred)).post("/api/recommendations")
                .then().statusCode(200)
                .body("items.title.slug", not(hasItem("toradora")))
                .body("excludeUnmatched", hasSize(499))
                .body("excludeUnmatched[0]", equalTo("mal:100001"))
                .body("excludeUnmatched[498]", equalTo("mal:100499"))
                .body("degraded", empty());
        List<List<String>> calls = wireMock.findAll(lookups()).stream()
                .map(call -> call.queryParameter("id").values()).toList();
        assertThat(calls, hasSize(5));
        assertThat(calls.stream().map(List::size).toList(), contains(100, 100, 100, 100, 100));
        assertThat(calls.stream().flatMap(List::stream).sorted().toList(), equalTo(asked.stream().sorted().toList()));
        // the same on a GET, as far as a URL carries them (common's edge accepts 4096 characters; about 200 ids); the
        // second lookup (ids 101 to 150) gets the answer for 101 to 200: only the values asked are reported (the
        // values' cached answers dropped first, so that they are looked up again)
        caches.getCache("title-ids").orElseThrow().invalidateAll().await().indefinitely();
        given().queryParam("mood", "heartbroken").queryParam("exclude", many.subList(0, 150)).get("/api/recommendations")
                .then().statusCode(200)
                .body("excludeUnmatched", hasSize(150))
                .body("degraded", empty());
    }

    @Test
    void eachValueIsLookedUpOnceAWhileAndOnlyNewValuesCostACall() {
        stubHeartbroken();
        stubLookup(List.of("slug:your-lie-in-april", "mal:999999"), List.of("mal:999999"), YOUR_LIE);
        String asked = "/api/recommendations?mood=heartbroken&exclude=your-lie-in-april&exclude=mal:999999";
        for (int i = 0; i < 2; i++) {
            given().get(asked).then().statusCode(200)
                    .body("items.title.slug", contains("5-centimeters-per-second", "toradora", "kimi-ni-todoke"))
                    // unknown to the catalogue, whether asked now or known from the last answer
                    .body("excludeUnmatched", contains("mal:999999"))
                    .body("degraded", empty());
        }
        wireMock.verify(1, lookups());

        // one value more: only it is looked up; the others still exclude (and report) as before
        stubLookup(List.of("anilist:4224"), List.of(), TORADORA);
        given().get(asked + "&exclude=anilist:4224").then().statusCode(200)
                .body("items.title.slug", contains("5-centimeters-per-second", "kimi-ni-todoke"))
                .body("excludeUnmatched", contains("mal:999999"))
                .body("degraded", empty());
        wireMock.verify(2, lookups());
        wireMock.verify(1, lookups().withQueryParam("id", havingExactly("anilist:4224")));

        // the values are the same whatever asks: a playlist and a surprise with them make no lookup
        given().get("/api/playlists/heartbroken?exclude=mal:999999&exclude=anilist:4224").then().statusCode(200)
                .body("excludeUnmatched", contains("mal:999999"));
        given().get("/api/recommendations/surprise?mood=heartbroken&seed=1&exclude=anilist:4224&exclude=your-lie-in-april")
                .then().statusCode(200)
                .body("item.title.slug", org.hamcrest.Matchers.oneOf("5-centimeters-per-second", "kimi-ni-todoke"));
        wireMock.verify(2, lookups());
    }

    @Test
    void aFailedLookupIsNotKept() {
        stubHeartbroken();
        wireMock.stubFor(titlesApi().atPriority(1).withQueryParam("id", matching(".+"))
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        String asked = "/api/recommendations?mood=heartbroken&exclude=mal:23273&exclude=mal:999999";
        // degraded exactly as without a cache: the ids matched against the candidates' externalIds
        given().get(asked).then().statusCode(200)
                .body("items.title.slug", contains("5-centimeters-per-second", "toradora", "kimi-ni-todoke"))
                .body("excludeUnmatched", contains("mal:999999"))
                .body("degraded.service", contains("catalog"));
        int failedCalls = wireMock.findAll(lookups()).size();
        assertThat(failedCalls, org.hamcrest.Matchers.greaterThanOrEqualTo(1));

        // the catalogue answers again: asked at once (nothing of the failure was kept), then kept
        stubLookup(List.of("mal:23273", "mal:999999"), List.of("mal:999999"), YOUR_LIE);
        for (int i = 0; i < 2; i++) {
            given().get(asked).then().statusCode(200)
                    .body("items.title.slug", contains("5-centimeters-per-second", "toradora", "kimi-ni-todoke"))
                    .body("excludeUnmatched", contains("mal:999999"))
                    .body("degraded", empty());
        }
        assertThat(wireMock.findAll(lookups()).size(), equalTo(failedCalls + 1));
    }

    @Test
    void excludingDoesNotShortenThePageWhenOtherTitlesFit() {
        List<String> titles = IntStream.rangeClosed(1, 14).mapToObj(i -> withIds(title("title-" + i, "Title " + i, "TV",
                "TRAGIC", 1 + i % 10, "unrequited-love"), 1000 + i, 2000 + i)).toList();
        stubJson(titlesApi(), page(titles.toArray(String[]::new)));
        stubJson(songsApi(), page());
        List<String> top = given().get("/api/recommendations?mood=heartbroken&size=10").then().statusCode(200)
                .body("items", hasSize(10)).extract().path("items.title.slug");
        int first = Integer.parseInt(top.get(0).substring("title-".length()));
        int second = Integer.parseInt(top.get(1).substring("title-".length()));
        stubLookup(List.of("slug:" + top.get(0), "mal:" + (1000 + second)), List.of(), titles.get(first - 1),
                titles.get(second - 1));

        given().get("/api/recommendations?mood=heartbroken&size=10&exclude=" + top.get(0) + "&exclude=mal:"
                        + (1000 + Integer.parseInt(top.get(1).substring("title-".length()))))
                .then().statusCode(200)
                .body("items", hasSize(10))
                .body("items.title.slug", not(hasItems(top.get(0))))
                .body("items.title.slug", not(hasItems(top.get(1))))
                .body("totalItems", equalTo(12))
                .body("degraded", empty());
    }

    @Test
    void candidatesAndTheirSongsPastOnePageAreAllRead() {
        // a mood with more candidates than one catalogue page: the first page says so, the second is read too
        wireMock.stubFor(titlesApi().atPriority(5).willReturn(okJson(pageOf(1, 2, 4, YOUR_LIE, TORADORA))));
        wireMock.stubFor(titlesApi().atPriority(1).withQueryParam("page", is("2"))
                .willReturn(okJson(pageOf(2, 2, 4, FIVE_CM, NO_IDS))));
        wireMock.stubFor(songsApi().atPriority(5).willReturn(okJson(pageOf(1, 2, 2,
                song("orange", "Orange", "FAREWELL", usage("your-lie-in-april", "Your Lie in April", "ENDING", 2))))));
        wireMock.stubFor(songsApi().atPriority(1).withQueryParam("page", is("2")).willReturn(okJson(pageOf(2, 2, 2,
                song("one-more-time", "One more time", "LONGING", usage("5-centimeters-per-second", "5cm", "THEME", null))))));
        stubLookup(List.of("slug:your-lie-in-april", "slug:toradora"), List.of(), YOUR_LIE, TORADORA);

        given().get("/api/recommendations?mood=heartbroken&exclude=your-lie-in-april&exclude=toradora&size=2")
                .then().statusCode(200)
                .body("items.title.slug", contains("5-centimeters-per-second", "kimi-ni-todoke"))
                .body("items[0].songs.slug", contains("one-more-time"))
                .body("totalItems", equalTo(2))
                .body("excludeUnmatched", empty());
        wireMock.verify(2, candidateCalls());
        wireMock.verify(1, getRequestedFor(urlPathEqualTo("/api/titles")).withQueryParam("page", is("2")));
        wireMock.verify(1, lookups());
        wireMock.verify(2, getRequestedFor(urlPathEqualTo("/api/songs")));
    }

    static String pageOf(int page, int totalPages, int totalItems, String... items) {
        return "{\"items\": [" + String.join(",", items) + "], \"page\": " + page + ", \"size\": 100, \"totalItems\": "
                + totalItems + ", \"totalPages\": " + totalPages + "}";
    }

    @Test
    void postWithTheParametersInTheBodyGivesTheSameAnswerAndETag() {
        stubHeartbroken();
        stubLookup(List.of("slug:toradora", "mal:999999"), List.of("mal:999999"), TORADORA);
        Response get = given().get("/api/recommendations?mood=heartbroken&format=TV&format=MOVIE&exclude=toradora"
                + "&exclude=mal:999999&page=1&size=2");
        get.then().statusCode(200).header("ETag", notNullValue())
                .body("items.title.slug", contains("5-centimeters-per-second", "your-lie-in-april"))
                .body("totalItems", equalTo(3))
                .body("excludeUnmatched", contains("mal:999999"))
                .body("degraded", empty());

        Response post = given().contentType(ContentType.JSON).body("""
                {"mood": "heartbroken", "format": ["MOVIE", "TV"], "exclude": ["toradora", "mal:999999"],
                 "page": 1, "size": 2}""").post("/api/recommendations");
        post.then().statusCode(200)
                .header("Cache-Control", "public, max-age=10")
                .header("Link", org.hamcrest.Matchers.nullValue());
        assertThat(post.asString(), equalTo(get.asString()));
        assertThat(post.header("ETag"), equalTo(get.header("ETag")));

        // a query like the GET: the ETag validates it the same way
        given().contentType(ContentType.JSON).header("If-None-Match", get.header("ETag"))
                .body("{\"mood\": \"heartbroken\", \"format\": [\"TV\", \"MOVIE\"], \"exclude\": [\"toradora\", "
                        + "\"mal:999999\"], \"size\": 2}")
                .post("/api/recommendations").then().statusCode(304);
        // the limit alias in a body too
        given().contentType(ContentType.JSON).body("{\"mood\": \"heartbroken\", \"limit\": 1}").post("/api/recommendations")
                .then().statusCode(200).body("items", hasSize(1)).body("size", equalTo(1));
    }

    @Test
    void postBodiesAreReadStrictly() {
        for (String[] bad : List.of(
                new String[] {"{\"mood\": \"heartbroken\", \"exlude\": [\"toradora\"]}", "exlude"},
                new String[] {"{\"mood\": \"heartbroken\", \"format\": \"TV\"}", "format"},
                new String[] {"{\"mood\": \"heartbroken\", \"size\": \"ten\"}", "size"},
                new String[] {"{\"mood\": \"heartbroken\", \"size\": 2, \"size\": 3}", "size"},
                new String[] {"{\"mood\": \"heartbroken\", \"exclude\": [\"a\\u0000b\"]}", "exclude[0]"},
                new String[] {"{\"mood\": \"heartbroken\", \"exclude\": [\"Mal:abc\"]}", "exclude"},
                new String[] {"{\"mood\": \"heartbroken\", \"size\": 101}", "size"},
                new String[] {"{\"mood\": \"heartbroken\", \"size\": 5, \"limit\": 4}", "limit"},
                new String[] {"{\"mood\": \"heartbroken\"", "body"},
                new String[] {"[\"heartbroken\"]", "body"},
                new String[] {"{}", "mood"},
                new String[] {"", "body"})) {
            given().contentType(ContentType.JSON).body(bad[0]).post("/api/recommendations")
                    .then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors[0].field", equalTo(bad[1]));
        }
        given().contentType(ContentType.TEXT).body("mood=heartbroken").post("/api/recommendations")
                .then().statusCode(415).contentType("application/problem+json");
        wireMock.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void recommendationsArePagedWithLinksAndTotals() {
        List<String> titles = IntStream.rangeClosed(1, 25).mapToObj(i -> title("title-" + i, "Title " + i, "TV",
                i % 2 == 0 ? "TRAGIC" : "OPEN", 1 + i % 10, "unrequited-love")).toList();
        stubJson(titlesApi(), page(titles.toArray(String[]::new)));
        stubJson(songsApi(), page());

        List<String> all = given().get("/api/recommendations?mood=heartbroken&size=25").then().statusCode(200)
                .body("totalItems", equalTo(25)).body("totalPages", equalTo(1))
                .extract().path("items.title.slug");
        List<String> paged = new ArrayList<>();
        for (int page = 1; page <= 3; page++) {
            Response response = given().get("/api/recommendations?mood=heartbroken&format=TV&size=10&page=" + page);
            response.then().statusCode(200)
                    .body("page", equalTo(page))
                    .body("size", equalTo(10))
                    .body("totalItems", equalTo(25))
                    .body("totalPages", equalTo(3))
                    .body("items", hasSize(page < 3 ? 10 : 5));
            paged.addAll(response.path("items.title.slug"));
            String link = response.header("Link");
            assertThat(link, containsString("page=1&size=10>; rel=\"first\""));
            assertThat(link, containsString("page=3&size=10>; rel=\"last\""));
            // every other parameter is kept
            assertThat(link, containsString("mood=heartbroken&format=TV"));
            assertThat(link.contains("rel=\"prev\""), equalTo(page > 1));
            assertThat(link.contains("page=" + (page + 1) + "&size=10>; rel=\"next\""), equalTo(page < 3));
        }
        // the pages are slices of one ranking: no title twice, none missing
        assertThat(paged, equalTo(all));
        given().get("/api/recommendations?mood=heartbroken&page=4&size=10").then().statusCode(200)
                .body("items", empty()).body("totalPages", equalTo(3));
        // defaults: page 1, ten titles, as before paging
        given().get("/api/recommendations?mood=heartbroken").then().statusCode(200)
                .body("page", equalTo(1)).body("size", equalTo(10)).body("items", hasSize(10));
        // one songs batch per answer whatever the page; one catalogue call per filters (then cached)
        wireMock.verify(2, getRequestedFor(urlPathEqualTo("/api/titles")));
        wireMock.verify(6, getRequestedFor(urlPathEqualTo("/api/songs")));
    }

    @Test
    void limitIsAnAliasOfSize() {
        List<String> titles = IntStream.rangeClosed(1, 8).mapToObj(i -> title("title-" + i, "Title " + i, "TV",
                "TRAGIC", i, "unrequited-love")).toList();
        stubJson(titlesApi(), page(titles.toArray(String[]::new)));
        stubJson(songsApi(), page());

        given().get("/api/recommendations?mood=heartbroken&limit=3").then().statusCode(200)
                .body("items", hasSize(3)).body("size", equalTo(3)).body("totalPages", equalTo(3))
                .header("Link", containsString("page=2&size=3>; rel=\"next\""));
        given().get("/api/recommendations?mood=heartbroken&limit=3&size=3").then().statusCode(200).body("items", hasSize(3));
        given().get("/api/recommendations?mood=heartbroken&limit=3&size=4")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", contains("limit"))
                .body("errors[0].message", containsString("got limit=3, size=4"));
        for (String bad : List.of("size=0", "size=101", "page=0", "page=x", "limit=51")) {
            given().get("/api/recommendations?mood=heartbroken&" + bad).then().statusCode(400)
                    .body("errors[0].field", equalTo(bad.substring(0, bad.indexOf('='))));
        }
        given().get("/api/recommendations?mood=heartbroken&size=100").then().statusCode(200).body("items", hasSize(8));
    }

    @Test
    void noPlaylistTrackLeadsToAnExcludedTitle() {
        stubJson(songsApi(), page(
                song("secret-base", "secret base", "FAREWELL", usage("anohana", "Anohana", "ENDING", 1) + ","
                        + usage("anohana-the-movie", "Anohana: The Movie", "THEME", null)),
                song("only-anohana", "Only Anohana", "FAREWELL", usage("anohana", "Anohana", "OPENING", 1)),
                song("only-lie", "Only Lie", "FAREWELL", usage("your-lie-in-april", "Your Lie in April", "ENDING", 2)),
                song("orange", "Orange", "FAREWELL", usage("your-lie-in-april", "Your Lie in April", "ENDING", 1))));
        String anohana = withIds(title("anohana", "Anohana", "TV", "BITTERSWEET", 9, "grief"), 9989, 9989);
        stubJson(titlesApi(), page(anohana,
                withIds(title("anohana-the-movie", "Anohana: The Movie", "MOVIE", "BITTERSWEET", 9, "grief"), 15039, 15039),
                YOUR_LIE));
        stubLookup(List.of("slug:anohana", "mal:999999"), List.of("mal:999999"), anohana);
        stubLookup(List.of("mal:23273", "anilist:9989"), List.of(), YOUR_LIE, anohana);

        // by slug: the song shared with the film still leads to the film; the song only in the excluded title is left
        // out and the next fitting one takes its place
        given().get("/api/playlists/heartbroken?limit=3&exclude=anohana&exclude=mal:999999")
                .then().statusCode(200)
                .body("songs.slug", contains("only-lie", "orange", "secret-base"))
                .body("songs.find { it.slug == 'secret-base' }.anime.title.slug", contains("anohana-the-movie"))
                .body("excludeUnmatched", contains("mal:999999"))
                .body("degraded", empty());
        // by MAL and AniList id: the lookup names their slugs, then the same rule
        given().get("/api/playlists/heartbroken?limit=3&exclude=mal:23273&exclude=anilist:9989")
                .then().statusCode(200)
                .body("songs.slug", contains("secret-base"))
                .body("songs[0].anime.title.slug", contains("anohana-the-movie"))
                .body("excludeUnmatched", empty())
                .body("degraded", empty());
        // one lookup each, and one batch for the picked songs' anime only (the ids are slugs now)
        wireMock.verify(2, lookups());
        wireMock.verify(1, getRequestedFor(urlPathEqualTo("/api/titles"))
                .withQueryParam("slug", havingExactly("your-lie-in-april", "anohana-the-movie")));
        wireMock.verify(1, getRequestedFor(urlPathEqualTo("/api/titles"))
                .withQueryParam("slug", havingExactly("anohana-the-movie")));
        wireMock.verify(4, getRequestedFor(urlPathEqualTo("/api/titles")));
    }

    @Test
    void playlistProviderIdsNeedTheCatalogueSlugsDoNot() {
        stubJson(songsApi(), page(
                song("only-lie", "Only Lie", "FAREWELL", usage("your-lie-in-april", "Your Lie in April", "ENDING", 2)),
                song("other", "Other", "FAREWELL", usage("toradora", "Toradora!", "ENDING", 1))));
        wireMock.stubFor(titlesApi().willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        given().get("/api/playlists/heartbroken?exclude=your-lie-in-april")
                .then().statusCode(200)
                .body("songs.slug", contains("other"))
                .body("degraded.service", contains("catalog"));
        // neither the lookup nor the titles' ids: an excluded title could slip through, so no answer rather than a wrong one
        given().get("/api/playlists/heartbroken?exclude=mal:23273")
                .then().statusCode(503)
                .contentType("application/problem+json")
                .body("detail", containsString("needed to resolve the provider ids in exclude"));
    }

    @Test
    void theSpecDescribesExcludePagingAndThePost() {
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths.'/api/recommendations'.post.operationId", equalTo("postRecommendations"))
                .body("paths.'/api/recommendations'.post.requestBody.content.'application/json'.schema.'$ref'",
                        equalTo("#/components/schemas/RecommendationQuery"))
                .body("paths.'/api/recommendations'.get.parameters.name", hasItems("exclude", "page", "size", "limit"))
                .body("paths.'/api/playlists/{mood}'.get.parameters.name", hasItem("exclude"))
                .body("components.schemas.Recommendations.properties.keySet()",
                        hasItems("page", "size", "totalItems", "totalPages", "excludeUnmatched"))
                .body("components.schemas.RecommendationQuery.properties.keySet()",
                        hasItems("mood", "format", "ending", "exclude", "page", "size", "limit"));
    }

    private static String body(String mood, List<String> exclude) {
        return "{\"mood\": \"" + mood + "\", \"exclude\": [" + exclude.stream().map(v -> "\"" + v + "\"")
                .collect(Collectors.joining(",")) + "]}";
    }
}
