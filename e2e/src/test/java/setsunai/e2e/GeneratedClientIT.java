package setsunai.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import setsunai.e2e.client.catalog.model.Ending;
import setsunai.e2e.client.catalog.model.Format;

/**
 * Issue 11, item 5: clients generated from the stored specs (openapi-generator, see pom.xml) call the running system
 * with named operations and typed parameters, as an integrator's code would; an enum value the client does not know
 * yet does not break it; the TypeScript client type-checks with {@code tsc --strict} and runs. Runs before the fault
 * drills, on the same processes.
 */
@Order(1)
@ExtendWith(SetsunaiSystem.Shared.class)
class GeneratedClientIT {

    static setsunai.e2e.client.gateway.ApiClient gateway;
    static setsunai.e2e.client.catalog.ApiClient catalog;
    static SetsunaiSystem system;

    @BeforeAll
    static void connect(SetsunaiSystem running) {
        system = running;
        gateway = new setsunai.e2e.client.gateway.ApiClient();
        gateway.updateBaseUri(running.gateway.url());
        catalog = new setsunai.e2e.client.catalog.ApiClient();
        catalog.updateBaseUri(running.catalog.url());
    }

    @Test
    void theGatewayClientRecommendsReadsATitleAndListsMoods() throws Exception {
        var api = new setsunai.e2e.client.gateway.api.RecommendationsApi(gateway);
        var recommendations = api.getRecommendations(
                setsunai.e2e.client.gateway.api.RecommendationsApi.APIGetRecommendationsRequest.newBuilder()
                        .mood("heartbroken").build());
        assertEquals(10, recommendations.getItems().size(), "the default limit");
        var first = recommendations.getItems().get(0);
        assertFalse(first.getReasons().isEmpty());
        assertFalse(first.getTitle().getSlug().isBlank());
        assertEquals(List.of(), recommendations.getDegraded());
        System.out.println("[e2e] generated gateway client: getRecommendations(mood=heartbroken) -> "
                + recommendations.getItems().size() + " items, first " + first.getTitle().getSlug());

        var detail = new setsunai.e2e.client.gateway.api.TitlesApi(gateway).getTitle(
                setsunai.e2e.client.gateway.api.TitlesApi.APIGetTitleRequest.newBuilder()
                        .id("5-centimeters-per-second").build());
        assertEquals("5 Centimeters per Second", detail.getTitle().getTitle());
        // the same title by its MyAnimeList id (issue 14 item 4)
        var byMalId = new setsunai.e2e.client.gateway.api.TitlesApi(gateway).getTitle(
                setsunai.e2e.client.gateway.api.TitlesApi.APIGetTitleRequest.newBuilder().id("mal:1689").build());
        assertEquals("5-centimeters-per-second", byMalId.getTitle().getSlug());
        assertEquals("MOVIE", String.valueOf(detail.getTitle().getFormat()));
        assertTrue(detail.getSoundtrack().stream().anyMatch(song -> "one-more-time-one-more-chance".equals(song.getSlug())));

        var moods = new setsunai.e2e.client.gateway.api.MoodsApi(gateway).listMoods();
        assertTrue(moods.stream().anyMatch(mood -> "heartbroken".equals(mood.getName())), "moods: " + moods);
        System.out.println("[e2e] generated gateway client: getTitle(slug=5-centimeters-per-second) -> "
                + detail.getSoundtrack().size() + " songs; listMoods() -> " + moods.size() + " moods");
    }

    @Test
    void theCatalogClientSearchesWithEnumsAndReadsATitle() throws Exception {
        var api = new setsunai.e2e.client.catalog.api.TitlesApi(catalog);
        var page = api.searchTitles(setsunai.e2e.client.catalog.api.TitlesApi.APISearchTitlesRequest.newBuilder()
                .ending(List.of(Ending.TRAGIC)).format(List.of(Format.TV, Format.MOVIE)).tag(List.of("terminal-illness"))
                .build());
        assertFalse(page.getItems().isEmpty());
        for (var title : page.getItems()) {
            assertEquals(Ending.TRAGIC, title.getEnding(), title.getSlug());
            assertTrue(List.of(Format.TV, Format.MOVIE).contains(title.getFormat()), title.getSlug());
            assertTrue(title.getTags().contains("terminal-illness"), title.getSlug());
        }
        var title = api.getTitle(setsunai.e2e.client.catalog.api.TitlesApi.APIGetTitleRequest.newBuilder()
                .slug("your-lie-in-april").build());
        assertEquals(Format.TV, title.getFormat());
        System.out.println("[e2e] generated catalog client: searchTitles(ending=[TRAGIC], format=[TV, MOVIE], "
                + "tag=[terminal-illness]) -> " + page.getTotalItems() + " titles; getTitle(your-lie-in-april) -> "
                + title.getTitle() + " (" + title.getFormat() + ", " + title.getEnding() + ")");
    }

    /**
     * The rule for integrators (README, "For integrators"): enums grow. A catalogue that answers a format and an
     * ending this client was not generated with, and a field it does not know, is still read: the values become
     * UNKNOWN_DEFAULT_OPEN_API, everything else as sent. The answer is the real catalogue's, with new values put in.
     */
    @Test
    void anEnumValueAddedLaterDoesNotBreakTheOldClient() throws Exception {
        String real = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(system.catalog.url() + "/api/titles/your-lie-in-april")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        String evolved = real.replace("\"format\":\"TV\"", "\"format\":\"WEB_SERIES\"")
                .replace("\"ending\":\"TRAGIC\"", "\"ending\":\"AMBIGUOUS\"")
                .replaceFirst("\\{", "{\"addedLater\":{\"any\":\"shape\"},");
        assertTrue(evolved.contains("WEB_SERIES") && evolved.contains("AMBIGUOUS"), "the real answer changed shape: " + real);

        HttpServer newerCatalog = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        newerCatalog.createContext("/api/titles/your-lie-in-april", exchange -> {
            byte[] body = evolved.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        newerCatalog.start();
        try {
            var client = new setsunai.e2e.client.catalog.ApiClient();
            client.updateBaseUri("http://127.0.0.1:" + newerCatalog.getAddress().getPort());
            var title = new setsunai.e2e.client.catalog.api.TitlesApi(client).getTitle(
                    setsunai.e2e.client.catalog.api.TitlesApi.APIGetTitleRequest.newBuilder().slug("your-lie-in-april").build());
            assertEquals(Format.UNKNOWN_DEFAULT_OPEN_API, title.getFormat());
            assertEquals(Ending.UNKNOWN_DEFAULT_OPEN_API, title.getEnding());
            assertEquals("Your Lie in April", title.getTitle());
            assertTrue(title.getTags().contains("music"));
        } finally {
            newerCatalog.stop(0);
        }
    }

    /** The typescript-fetch client of the gateway, with a small program using it, under tsc --strict; then run. */
    @Test
    void theTypeScriptClientTypeChecksStrictlyAndRecommends() throws IOException {
        Path client = Path.of("target", "generated-clients", "gateway-typescript").toAbsolutePath();
        assertTrue(Files.exists(client.resolve("apis/RecommendationsApi.ts")), client + " was not generated");
        Files.writeString(client.resolve("tsconfig.json"), """
                {"compilerOptions": {"strict": true, "target": "ES2020", "module": "commonjs", "lib": ["ES2020", "DOM"],
                  "outDir": "dist", "types": []},
                 "include": ["*.ts", "apis/*.ts", "models/*.ts"]}
                """);
        Files.writeString(client.resolve("usage.ts"), """
                import { Configuration, RecommendationsApi, TitlesApi } from './index';

                async function main(basePath: string): Promise<void> {
                  const configuration = new Configuration({ basePath });
                  const recommendations = await new RecommendationsApi(configuration).getRecommendations({ mood: 'grieving' });
                  // written for fields the spec may mark optional ("?." and "??" still compile once they are required)
                  const items = recommendations.items ?? [];
                  const slug = items[0]?.title?.slug;
                  if (slug === undefined) {
                    throw new Error('no recommendation for grieving');
                  }
                  const detail = await new TitlesApi(configuration).getTitle({ id: slug });
                  console.log(JSON.stringify({ count: items.length, first: detail.title?.title,
                    soundtrack: detail.soundtrack?.length }));
                }

                main(process.argv[2]).catch((error: unknown) => { console.error(error); process.exit(1); });
                """);
        // usage.ts needs node's process and console: declared here, so no @types/node is needed
        Files.writeString(client.resolve("node.d.ts"), """
                declare const process: { argv: string[]; exit(code: number): never };
                """);
        long start = System.nanoTime();
        NodeTools.Result tsc = NodeTools.run(client, 120, Map.of(), NodeTools.bin("tsc").toString(), "-p", "tsconfig.json");
        System.out.printf("[e2e] tsc --strict on the typescript-fetch gateway client: exit %d in %.1f s%n", tsc.exit(),
                (System.nanoTime() - start) / 1e9);
        assertEquals(0, tsc.exit(), "tsc --strict:\n" + tsc.all());

        NodeTools.Result run = NodeTools.run(client, 60, Map.of(), "node", "dist/usage.js", system.gateway.url());
        assertEquals(0, run.exit(), run.all());
        System.out.println("[e2e] typescript client: getRecommendations({mood: 'grieving'}), getTitle -> " + run.out().strip());
        assertTrue(run.out().contains("\"count\":10"), run.out());
    }
}
