package setsunai.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 11, item 7: behind a reverse proxy the pass-through's links and the proxied spec's {@code servers} name the
 * public URL the proxy forwards, and only when the proxy is a trusted one ({@code quarkus.http.proxy.trusted-proxies}):
 * the same headers from any other address change nothing. The two clients are two loopback addresses, 127.0.0.1
 * (the trusted proxy) and 127.0.0.2.
 */
@QuarkusTest
@WithTestResource(WireMockServices.class)
@TestProfile(ForwardedTest.BehindAProxy.class)
class ForwardedTest extends GatewayTestBase {

    public static class BehindAProxy implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.http.host", "127.0.0.1",
                    "quarkus.http.proxy.proxy-address-forwarding", "true",
                    "quarkus.http.proxy.allow-x-forwarded", "true",
                    "quarkus.http.proxy.allow-forwarded", "true",
                    "quarkus.http.proxy.enable-forwarded-host", "true",
                    "quarkus.http.proxy.trusted-proxies", "127.0.0.1");
        }
    }

    @TestHTTPResource("/")
    URL url;

    static final String LINK = "<http://catalog-service:8081/api/titles?page=2&size=20>; rel=\"next\"";

    @Test
    void aTrustedProxysXForwardedHeadersNameThePublicUrl() throws IOException {
        wireMock.stubFor(get(urlPathEqualTo("/api/titles")).willReturn(okJson(page()).withHeader("Link", LINK)));

        String answer = request("127.0.0.1", "/q/services/catalog/api/titles",
                "X-Forwarded-Proto: https", "X-Forwarded-Host: setsunai.example", "X-Forwarded-Port: 443");
        assertThat(answer, containsString("\r\nLink: <https://setsunai.example/q/services/catalog/api/titles?page=2&size=20>; rel=\"next\""));
    }

    @Test
    void aTrustedProxysForwardedHeaderNamesThePublicUrl() throws IOException {
        wireMock.stubFor(get(urlPathEqualTo("/api/titles")).willReturn(okJson(page()).withHeader("Link", LINK)));

        String answer = request("127.0.0.1", "/q/services/catalog/api/titles", "Forwarded: for=203.0.113.7;host=setsunai.example;proto=https");
        assertThat(answer, containsString("\r\nLink: <https://setsunai.example/q/services/catalog/api/titles?page=2&size=20>; rel=\"next\""));
    }

    @Test
    void theSameHeadersFromAnUntrustedAddressChangeNothing() throws IOException {
        wireMock.stubFor(get(urlPathEqualTo("/api/titles")).willReturn(okJson(page()).withHeader("Link", LINK)));

        String answer = request("127.0.0.2", "/q/services/catalog/api/titles",
                "X-Forwarded-Proto: https", "X-Forwarded-Host: evil.example", "Forwarded: host=evil.example;proto=https");
        assertThat(answer, startsWith("HTTP/1.1 200"));
        assertThat(answer, not(containsString("evil.example")));
        assertThat(answer, containsString("\r\nLink: <http://127.0.0.1:" + url.getPort() + "/q/services/catalog/api/titles?page=2&size=20>"));
    }

    @Test
    void aJspfPlaylistLinksThePublicUrlOnlyBehindATrustedProxy() throws IOException {
        stubJson(songsApi(), page(SongAndPlaylistTest.ONE_MORE_TIME));
        stubJson(titlesApi(), page(SongAndPlaylistTest.FIVE_CM));
        String[] forwarded = {"Accept: application/jspf+json", "X-Forwarded-Proto: https",
                "X-Forwarded-Host: setsunai.example", "X-Forwarded-Port: 443"};

        String trusted = request("127.0.0.1", "/api/playlists/longing", forwarded);
        assertThat(trusted, startsWith("HTTP/1.1 200"));
        assertThat(trusted, containsString("\"identifier\":\"https://setsunai.example/api/playlists/longing\""));
        assertThat(trusted, containsString("\"info\":\"https://setsunai.example/api/titles/5-centimeters-per-second\""));

        String untrusted = request("127.0.0.2", "/api/playlists/longing", forwarded);
        assertThat(untrusted, startsWith("HTTP/1.1 200"));
        assertThat(untrusted, not(containsString("setsunai.example")));
        assertThat(untrusted, containsString("\"info\":\"http://127.0.0.1:" + url.getPort() + "/api/titles/5-centimeters-per-second\""));
    }

    /** A raw HTTP/1.1 GET from a chosen local address (RestAssured cannot pick it). */
    private String request(String from, String path, String... headers) throws IOException {
        int port = url.getPort();
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(from, 0));
            socket.connect(new InetSocketAddress("127.0.0.1", port), 2000);
            socket.setSoTimeout(5000);
            StringBuilder request = new StringBuilder("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port
                    + "\r\nConnection: close\r\n");
            for (String header : headers) {
                request.append(header).append("\r\n");
            }
            socket.getOutputStream().write(request.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
