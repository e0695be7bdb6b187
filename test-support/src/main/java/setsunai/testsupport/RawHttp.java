package setsunai.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A tiny HTTP/1.x client over a plain socket: it sends the request bytes exactly as given (NUL in the URL, raw
 * control characters in headers, no Host, {@code OPTIONS *}), which java.net.http and RestAssured refuse to do.
 * One connection per request ({@code Connection: close}), so a broken request never poisons the next one.
 */
public final class RawHttp {

    /** What came back; {@code status} is -1 when nothing parseable did (see {@code failure}). */
    public record Response(int status, Map<String, String> headers, byte[] body, String failure) {

        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        public String contentType() {
            return header("content-type");
        }

        public String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }

        @Override
        public String toString() {
            return status < 0 ? failure : status + " " + headers + " " + bodyText();
        }
    }

    /** One request to a service on this machine, e.g. the test's own ({@code RestAssured.port}). */
    public static Response send(int port, String request) {
        return send(port, request.getBytes(StandardCharsets.ISO_8859_1));
    }

    public static Response send(int port, byte[] request) {
        return new RawHttp("localhost", port, 10_000).send(request);
    }

    private final String host;
    private final int port;
    private final int timeoutMillis;

    public RawHttp(String host, int port, int timeoutMillis) {
        this.host = host;
        this.port = port;
        this.timeoutMillis = timeoutMillis;
    }

    public Response send(byte[] request) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), timeoutMillis);
            socket.setSoTimeout(timeoutMillis);
            OutputStream out = socket.getOutputStream();
            try {
                out.write(request);
                out.flush();
            } catch (IOException e) {
                // The server may answer (413, 431) and close before it has read everything: read what it said.
            }
            return parse(readAll(socket.getInputStream()));
        } catch (SocketTimeoutException e) {
            return new Response(-1, Map.of(), new byte[0], "no answer within " + timeoutMillis + " ms");
        } catch (IOException e) {
            return new Response(-1, Map.of(), new byte[0], "connection failed: " + e.getMessage());
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        byte[] buffer = new byte[16384];
        try {
            for (int n; !complete(bytes.toByteArray()) && (n = in.read(buffer)) >= 0; ) {
                bytes.write(buffer, 0, n);
            }
        } catch (IOException e) {
            if (bytes.size() == 0 || e instanceof SocketTimeoutException) {
                throw e;
            }
            // a reset after a complete answer (the server closed while our body was still coming): keep the answer
        }
        return bytes.toByteArray();
    }

    /** Whether a whole answer is in: its headers and the body its Content-Length or last chunk announce. */
    private static boolean complete(byte[] raw) {
        int end = indexOf(raw, new byte[] {'\r', '\n', '\r', '\n'}, 0);
        if (end < 0) {
            return false;
        }
        Response head = parse(raw);
        if (head.status() < 0) {
            return false;
        }
        if (head.status() == 204 || head.status() == 304 || head.status() / 100 == 1) {
            return true;
        }
        int bodyLength = raw.length - end - 4;
        if ("chunked".equalsIgnoreCase(head.headers().getOrDefault("transfer-encoding", ""))) {
            return indexOf(raw, new byte[] {'\r', '\n', '0', '\r', '\n', '\r', '\n'}, end) >= 0
                    || (bodyLength >= 5 && indexOf(raw, new byte[] {'0', '\r', '\n', '\r', '\n'}, end + 4) == end + 4);
        }
        String length = head.headers().get("content-length");
        try {
            return length != null && bodyLength >= Integer.parseInt(length);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    static Response parse(byte[] raw) {
        int end = indexOf(raw, new byte[] {'\r', '\n', '\r', '\n'}, 0);
        if (end < 0) {
            return new Response(-1, Map.of(), raw, raw.length == 0 ? "connection closed without an answer"
                    : "unparseable answer: " + new String(raw, 0, Math.min(raw.length, 120), StandardCharsets.ISO_8859_1));
        }
        String[] lines = new String(raw, 0, end, StandardCharsets.ISO_8859_1).split("\r\n");
        String[] statusLine = lines[0].split(" ", 3);
        int status;
        try {
            status = Integer.parseInt(statusLine[1]);
        } catch (RuntimeException e) {
            return new Response(-1, Map.of(), raw, "bad status line: " + lines[0]);
        }
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.merge(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim(),
                        (a, b) -> a + ", " + b);
            }
        }
        byte[] body = java.util.Arrays.copyOfRange(raw, end + 4, raw.length);
        if ("chunked".equalsIgnoreCase(headers.getOrDefault("transfer-encoding", ""))) {
            body = dechunk(body);
        } else if (headers.containsKey("content-length")) {
            try {
                int length = Integer.parseInt(headers.get("content-length"));
                if (length < body.length) {
                    body = java.util.Arrays.copyOf(body, length);
                }
            } catch (NumberFormatException ignored) {
                // keep what came
            }
        }
        return new Response(status, headers, body, null);
    }

    private static byte[] dechunk(byte[] chunked) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int at = 0;
        while (at < chunked.length) {
            int lineEnd = indexOf(chunked, new byte[] {'\r', '\n'}, at);
            if (lineEnd < 0) {
                break;
            }
            String sizeText = new String(chunked, at, lineEnd - at, StandardCharsets.ISO_8859_1).split(";")[0].trim();
            int size;
            try {
                size = Integer.parseInt(sizeText, 16);
            } catch (NumberFormatException e) {
                break;
            }
            if (size == 0) {
                break;
            }
            int start = lineEnd + 2;
            out.write(chunked, start, Math.min(size, chunked.length - start));
            at = start + size + 2;
        }
        return out.toByteArray();
    }

    private static int indexOf(byte[] data, byte[] pattern, int from) {
        outer:
        for (int i = from; i <= data.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
