package setsunai.testsupport.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** One generated request, kept as bytes so that anything can be sent, with what it was meant to exercise. */
final class FuzzRequest {

    /** How the answer is judged. */
    enum Kind {
        /** a public read (or a read with a body): any status below 500 */
        READ,
        /** a write with a valid editor token and a body, header or path that is certainly invalid: never a 2xx */
        EDITOR_WRITE_INVALID,
        /** a write with a valid body and a forged, garbled or missing token: never a 2xx */
        FORGED_WRITE,
        /** an NDJSON import with a valid editor token whose every line is invalid: a 2xx must store nothing */
        EDITOR_IMPORT_INVALID,
        /** a malformed request at the HTTP layer (request line, Host, sizes): a 4xx problem */
        HTTP_LAYER
    }

    final String method;
    final String operation;
    final Kind kind;
    final String note;
    byte[] target;
    String version = "HTTP/1.1";
    boolean host = true;
    boolean chunked;
    /** The only statuses a correct service may answer, or null when any below 500 will do. */
    Set<Integer> allowed;
    byte[] body;
    final List<byte[]> headers = new ArrayList<>();

    FuzzRequest(String method, String operation, Kind kind, String note) {
        this.method = method;
        this.operation = operation;
        this.kind = kind;
        this.note = note;
    }

    FuzzRequest header(String name, String value) {
        return header(name, value.getBytes(StandardCharsets.UTF_8));
    }

    FuzzRequest header(String name, byte[] value) {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        line.writeBytes(name.getBytes(StandardCharsets.US_ASCII));
        line.writeBytes(": ".getBytes(StandardCharsets.US_ASCII));
        line.writeBytes(value);
        headers.add(line.toByteArray());
        return this;
    }

    byte[] toBytes(String authority) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(method.getBytes(StandardCharsets.ISO_8859_1));
        out.write(' ');
        out.writeBytes(target);
        if (version != null) {
            out.write(' ');
            out.writeBytes(version.getBytes(StandardCharsets.US_ASCII));
        }
        crlf(out);
        if (host) {
            out.writeBytes(("Host: " + authority).getBytes(StandardCharsets.US_ASCII));
            crlf(out);
        }
        for (byte[] header : headers) {
            out.writeBytes(header);
            crlf(out);
        }
        out.writeBytes("Connection: close".getBytes(StandardCharsets.US_ASCII));
        crlf(out);
        if (body != null && chunked) {
            out.writeBytes("Transfer-Encoding: chunked\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            for (int at = 0; at < body.length; at += 65536) {
                int n = Math.min(65536, body.length - at);
                out.writeBytes((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(body, at, n);
                crlf(out);
            }
            out.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        } else if (body != null) {
            out.writeBytes(("Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.writeBytes(body);
        } else {
            crlf(out);
        }
        return out.toByteArray();
    }

    /**
     * Why Netty's HTTP/1 decoder cannot parse this request (RFC 9112 framing: a method or header name that is not a
     * token, a byte outside visible ASCII in the request target, a control character in a header value, a version
     * other than HTTP/1.0 or 1.1, a request line or header block past the server's own limits, two Content-Lengths that
 * disagree), or null when it can.
     * Such a request never reaches Quarkus: Vert.x answers it itself (see {@link ResponseChecks#decoderRefusal}).
     */
    String framingViolation(int maxRequestLine, int maxHeaderBlock) {
        if (method.isEmpty() || !method.chars().allMatch(FuzzRequest::tokenChar)) {
            return "method is not a token";
        }
        for (byte b : target) {
            if ((b & 0xff) <= 0x20 || (b & 0xff) >= 0x7f) {
                return "raw byte 0x" + Integer.toHexString(b & 0xff) + " in the request target";
            }
        }
        if (version == null || !(version.equals("HTTP/1.1") || version.equals("HTTP/1.0"))) {
            return "odd HTTP version";
        }
        if (method.length() + target.length + 10 > maxRequestLine) {
            return "request line over the server's limit";
        }
        int headerBytes = 0;
        for (byte[] header : headers) {
            headerBytes += header.length + 2;
            int colon = indexOf(header, (byte) ':');
            if (colon <= 0) {
                return "header without a name";
            }
            for (int i = 0; i < colon; i++) {
                if (!tokenChar(header[i] & 0xff)) {
                    return "header name is not a token";
                }
            }
            for (int i = colon + 1; i < header.length; i++) {
                int b = header[i] & 0xff;
                if (b < 0x20 && b != '\t' || b == 0x7f) {
                    return "control character in a header value";
                }
            }
        }
        if (headerBytes > maxHeaderBlock) {
            return "header block over the server's limit";
        }
        String length = headerValue("content-length");
        String transfer = headerValue("transfer-encoding");
        if (length != null && !length.trim().matches("\\d+") || transfer != null && !transfer.trim().equalsIgnoreCase("chunked")) {
            return "body framing that is not a length or plain chunked";
        }
        if (length != null && body != null && !chunked && !length.trim().equals(String.valueOf(body.length))) {
            return "a Content-Length that contradicts the one sent with the body"; // Netty refuses the two values
        }
        return null;
    }

    private String headerValue(String name) {
        for (byte[] header : headers) {
            String text = new String(header, StandardCharsets.ISO_8859_1);
            int colon = text.indexOf(':');
            if (colon > 0 && text.substring(0, colon).trim().equalsIgnoreCase(name)) {
                return text.substring(colon + 1);
            }
        }
        return null;
    }

    private static boolean tokenChar(int c) {
        return c > 0x20 && c < 0x7f && "()<>@,;:\\\"/[]?={}".indexOf(c) < 0;
    }

    private static int indexOf(byte[] bytes, byte wanted) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == wanted) {
                return i;
            }
        }
        return -1;
    }

    /** method + raw URL + the headers and body that matter, short enough for a test message. */
    String repro() {
        StringBuilder out = new StringBuilder(method).append(' ').append(Repro.excerpt(target, 200));
        if (version == null || !version.equals("HTTP/1.1")) {
            out.append(' ').append(version == null ? "(no version)" : version);
        }
        if (!host) {
            out.append(" [no Host]");
        }
        for (byte[] header : headers) {
            String text = Repro.excerpt(header, 90);
            // a JWT is unreadable here; the finding's note names which token it was
            out.append(" [").append(text.startsWith("Authorization: Bearer ey") ? "Authorization: Bearer <jwt>" : text).append(']');
        }
        if (body != null) {
            out.append(chunked ? " chunked body: " : " body: ").append(Repro.excerpt(body, 160));
        }
        return out.toString();
    }

    private static void crlf(ByteArrayOutputStream out) {
        out.write('\r');
        out.write('\n');
    }
}
