package setsunai.gateway;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** One in-process WireMock standing in for both catalog-service and songs-service. */
public class WireMockServices implements QuarkusTestResourceLifecycleManager {

    private WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        server.start();
        stubBeforeTheGatewayStarts(server);
        return Map.of("setsunai.catalog.url", server.baseUrl(), "setsunai.songs.url", server.baseUrl());
    }

    /** Stubs that must exist before the application starts (none here: tests make their own). */
    protected void stubBeforeTheGatewayStarts(WireMockServer server) {
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(server, new TestInjector.MatchesType(WireMockServer.class));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
