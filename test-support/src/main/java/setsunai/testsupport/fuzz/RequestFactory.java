package setsunai.testsupport.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import setsunai.testsupport.Tokens;
import setsunai.testsupport.fuzz.FuzzRequest.Kind;
import setsunai.testsupport.fuzz.OpenApiSpec.Operation;
import setsunai.testsupport.fuzz.OpenApiSpec.Parameter;

/**
 * Turns the operations of a spec into odd requests. Reads get odd values anywhere. Writes never store anything:
 * with a valid editor token they carry a certainly invalid body, path or precondition; with a valid body they
 * carry a forged token. A few requests in a hundred are broken at the HTTP layer itself.
 */
final class RequestFactory {

    private static final List<String> ODD_ACCEPT = List.of("application/xml", "text/html", "image/png", "*/*;q=abc", "application/json;q=0",
            "application/json; charset=ebcdic", "a/b/c", ",,,", "application/jspf+json", "text/plain, application/json;q=0.1", "\u00ff\u0000",
            "application/problem+json", "*/" + "x".repeat(300));
    private static final List<String> ODD_ETAGS = List.of("\"0\"", "\"1\"", "*", "W/\"1\"", "\"", "\"1", "1", "\"\"", "\"1\", \"2\"",
            "\"\u0000\"", "\"a\" \"b\"", "W/", "\"" + "9".repeat(400) + "\"", "\"-1\"", "\"١\"", "null", "\u00a0");
    /** If-Match values that can never match what is stored: stale, weak, garbled. */
    private static final List<String> NON_MATCHING_ETAGS = List.of("\"987654\"", "W/\"1\"", "W/\"0\"", "\"1", "\"\"", "\"\u0000\"", "\"-1\"",
            "\"a\"", "\"987654\", \"987653\"", "\"" + "9".repeat(400) + "\"", "\"١\"", "W/", "\u00a0", "\"0x1\"", "\"1e1\"");
    private static final List<String> WRONG_CONTENT_TYPES = List.of("text/plain", "application/xml", "application/x-www-form-urlencoded",
            "multipart/form-data; boundary=x", "a/b/c", ";;;", "application/octet-stream", "image/png", "text/json\u0000");

    private final OpenApiSpec spec;
    private final OddValues odd;
    private final BodyMutations bodies;
    private final ForgedTokens forged = new ForgedTokens();
    private final String editor = "Bearer " + Tokens.editor();

    /** The resource the suite created for itself: writes aim at it, so a write let through never hurts seed data. */
    private final String ownSlug;

    RequestFactory(OpenApiSpec spec, OddValues odd, String ownSlug) {
        this.spec = spec;
        this.odd = odd;
        this.bodies = new BodyMutations(odd);
        this.ownSlug = ownSlug;
    }

    int slugsUsed() {
        return bodies.slugsUsed();
    }

    FuzzRequest next(int index) {
        if (odd.chance(5)) {
            return httpLayer();
        }
        Operation operation = spec.operations.get(index % spec.operations.size());
        if (!operation.secured()) {
            return read(operation);
        }
        return odd.chance(50) ? editorWrite(operation) : forgedWrite(operation);
    }

    // ---- reads -----------------------------------------------------------------------------------------------------

    private FuzzRequest read(Operation operation) {
        boolean allValid = odd.chance(12);
        FuzzRequest request = new FuzzRequest(operation.method(), operation.template(), Kind.READ, allValid ? "valid example" : "odd read");
        request.target = target(operation, allValid ? 0 : 35, !allValid && odd.chance(10));
        if (!allValid) {
            if (odd.chance(15)) {
                request.header("Accept", odd.pick(ODD_ACCEPT));
            }
            if (odd.chance(15) && operation.method().equals("GET")) {
                request.header("If-None-Match", odd.pick(ODD_ETAGS));
            }
            if (odd.chance(10)) {
                ForgedTokens.Forged token = odd.pick(forged.all);
                if (token.header() != null) {
                    request.header("Authorization", token.header());
                }
            }
        }
        if (operation.body() != null) {
            JsonNode body = bodies.valid(operation.body().schema(), null);
            String contentType = operation.body().mediaTypes().get(0);
            if (allValid) {
                request.body = BodyMutations.bytes(body);
            } else if (odd.chance(50)) {
                request.body = bodies.certainlyInvalid(operation.body().schema()).bytes();
            } else {
                bodies.sprinkleOddText(body, operation.body().schema());
                request.body = BodyMutations.bytes(body);
            }
            if (!allValid && odd.chance(15)) {
                contentType = odd.pick(WRONG_CONTENT_TYPES);
            }
            request.header("Content-Type", contentType);
        }
        return request;
    }

    // ---- writes ----------------------------------------------------------------------------------------------------

    private FuzzRequest editorWrite(Operation operation) {
        if (operation.isImport()) {
            return editorImport(operation);
        }
        JsonNode schema = operation.body() == null ? null : operation.body().schema();
        List<String> ways = new ArrayList<>();
        if (schema != null) {
            ways.addAll(List.of("body", "body", "body", "content type"));
        }
        if (hasPathParameters(operation)) {
            ways.add("path");
        }
        if (header(operation, "If-Match") != null) {
            ways.add("if-match");
        }
        String way = ways.isEmpty() ? "path" : odd.pick(ways);
        FuzzRequest request = new FuzzRequest(operation.method(), operation.template(), Kind.EDITOR_WRITE_INVALID,
                "editor token, invalid " + way);
        request.target = writeTarget(operation, way.equals("path"));
        request.header("Authorization", editor);
        Parameter ifMatch = header(operation, "If-Match");
        if (ifMatch != null) {
            // Never the stored version: an If-Match that matched would let a valid body through.
            request.header("If-Match", odd.pick(NON_MATCHING_ETAGS));
        }
        if (schema != null) {
            String contentType = operation.body().mediaTypes().get(0);
            if (way.equals("body")) {
                BodyMutations.Body body = bodies.certainlyInvalid(schema);
                request.body = body.bytes();
                request.headers.add(0, ("X-Fuzz: " + body.note().replaceAll("[^\\x20-\\x7e]", "?")).getBytes(StandardCharsets.US_ASCII));
            } else {
                request.body = BodyMutations.bytes(validFor(operation, schema));
            }
            if (way.equals("content type")) {
                contentType = odd.pick(WRONG_CONTENT_TYPES);
            } else if (odd.chance(10)) {
                request.header("Accept", odd.pick(ODD_ACCEPT));
            }
            request.header("Content-Type", contentType);
        }
        return request;
    }

    private FuzzRequest editorImport(Operation operation) {
        FuzzRequest request = new FuzzRequest(operation.method(), operation.template(), Kind.EDITOR_IMPORT_INVALID,
                "editor token, import of invalid lines");
        request.target = target(operation, 0, false);
        request.header("Authorization", editor);
        JsonNode schema = lineSchema(operation);
        ByteArrayOutputStream lines = new ByteArrayOutputStream();
        List<String> notes = new ArrayList<>();
        for (int i = 1 + odd.random().nextInt(4); i > 0; i--) {
            BodyMutations.Body line = bodies.certainlyInvalid(schema);
            notes.add(line.note());
            byte[] bytes = line.bytes();
            if (bytes.length == 0 || new String(bytes, StandardCharsets.ISO_8859_1).matches("[\\s\\S]*[\\n\\r][\\s\\S]*")) {
                bytes = "{\"slug\":".getBytes(StandardCharsets.US_ASCII);
            }
            lines.writeBytes(bytes);
            lines.writeBytes(odd.chance(20) ? new byte[] {'\r', '\n'} : new byte[] {'\n'});
        }
        request.body = lines.toByteArray();
        request.headers.add(0, ("X-Fuzz: " + String.join("; ", notes).replaceAll("[^\\x20-\\x7e]", "?")).getBytes(StandardCharsets.US_ASCII));
        request.header("Content-Type", odd.chance(90) ? operation.body().mediaTypes().get(0) : odd.pick(WRONG_CONTENT_TYPES));
        return request;
    }

    private FuzzRequest forgedWrite(Operation operation) {
        ForgedTokens.Forged token = odd.pick(forged.all);
        FuzzRequest request = new FuzzRequest(operation.method(), operation.template(), Kind.FORGED_WRITE, "token: " + token.name());
        request.allowed = token.malformed() ? Set.of(400, 401, 403, 431) : token.forbidden() ? Set.of(403) : Set.of(401);
        request.target = writeTarget(operation, false);
        if (token.header() != null) {
            request.header("Authorization", token.header());
        }
        // A stale If-Match: a service that took the token answers 412 (a finding too) instead of destroying seed data.
        if (header(operation, "If-Match") != null) {
            request.header("If-Match", "\"987654\"");
        }
        if (operation.body() != null) {
            JsonNode schema = operation.isImport() ? lineSchema(operation) : operation.body().schema();
            byte[] body = BodyMutations.bytes(validFor(operation, schema));
            if (operation.isImport()) {
                body = (new String(body, StandardCharsets.UTF_8) + "\n" + new String(BodyMutations.bytes(bodies.valid(schema, null)),
                        StandardCharsets.UTF_8) + "\n").getBytes(StandardCharsets.UTF_8);
            }
            request.body = body;
            request.header("Content-Type", operation.body().mediaTypes().get(0));
        }
        return request;
    }

    /** A valid body; for an operation on one resource, with the slug of its path, so only the token stands in the way. */
    private JsonNode validFor(Operation operation, JsonNode schema) {
        JsonNode body = bodies.valid(schema, null);
        for (Parameter parameter : operation.parameters()) {
            String slug = ownSlug != null ? ownSlug : parameter.example();
            if (parameter.in().equals("path") && body instanceof ObjectNode object && object.has(parameter.name()) && slug != null) {
                object.put(parameter.name(), slug);
            }
        }
        return body;
    }

    /** An NDJSON line's schema: the JSON body of the POST beside the import (its spec documents the line as a string). */
    private JsonNode lineSchema(Operation operation) {
        if (BodyMutations.type(operation.body().schema()).equals("object")) {
            return operation.body().schema();
        }
        String parent = operation.path().substring(0, operation.path().lastIndexOf('/'));
        return spec.operations.stream()
                .filter(o -> o.method().equals("POST") && o.path().equals(parent) && o.body() != null)
                .map(o -> o.body().schema()).findFirst().orElse(operation.body().schema());
    }

    // ---- URLs ------------------------------------------------------------------------------------------------------

    private byte[] target(Operation operation, int oddPercent, boolean extras) {
        return target(operation, oddPercent, extras, false);
    }

    private byte[] writeTarget(Operation operation, boolean oddPath) {
        return target(operation, 0, false, oddPath, true);
    }

    private byte[] target(Operation operation, int oddPercent, boolean extras, boolean oddPath) {
        return target(operation, oddPercent, extras, oddPath, false);
    }

    /**
     * The request target: path parameters and query parameters, each odd with {@code oddPercent} chance; with
     * {@code extras}, also repeated beyond limits, unknown and odd-named parameters.
     */
    private byte[] target(Operation operation, int oddPercent, boolean extras, boolean oddPath, boolean write) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String path = operation.path();
        int at = 0;
        while (at < path.length()) {
            int open = path.indexOf('{', at);
            if (open < 0) {
                out.writeBytes(path.substring(at).getBytes(StandardCharsets.UTF_8));
                break;
            }
            out.writeBytes(path.substring(at, open).getBytes(StandardCharsets.UTF_8));
            int close = path.indexOf('}', open);
            String name = path.substring(open + 1, close);
            Parameter parameter = operation.parameters().stream().filter(p -> p.name().equals(name)).findFirst().orElse(null);
            out.writeBytes(oddPath || odd.chance(oddPercent) ? oddPathSegment(parameter)
                    : OddValues.percentEncode(write && ownSlug != null ? ownSlug : validValue(parameter)).getBytes(StandardCharsets.US_ASCII));
            at = close + 1;
        }
        List<byte[]> query = new ArrayList<>();
        for (Parameter parameter : operation.parameters()) {
            if (!parameter.in().equals("query") || !(parameter.required() || odd.chance(oddPercent == 0 ? 20 : 50))) {
                continue;
            }
            int repeat = parameter.repeatable() && extras && odd.chance(40) ? odd.pick(List.of(2, 101, 501, 1001)) : 1;
            for (int i = 0; i < repeat; i++) {
                boolean oddValue = odd.chance(oddPercent);
                query.add(pair(parameter.name(), oddValue ? odd.urlEncoded(oddValue(parameter))
                        : OddValues.percentEncode(validValue(parameter)).getBytes(StandardCharsets.US_ASCII)));
            }
        }
        if (extras) {
            query.add(pair(odd.pick(List.of("unknown", "q%00", "size[]", "", "%", "page%20", "a\u0000b", "PAGE", "sort", "size", "page")),
                    odd.urlEncoded(odd.chance(50) ? odd.oddString() : odd.oddNumber())));
            if (odd.chance(30)) {
                query.add(odd.pick(List.of("sort=-", "sort=", "sort=--title", "sort=+title", "sort=-%00", "size=0", "size=101", "page=0",
                        "page=-1", "size=-1", "&&&", "=", "==", "q", "q=%", "page=99999999", "size=1&size=2"))
                        .getBytes(StandardCharsets.ISO_8859_1));
            }
        }
        if (!query.isEmpty()) {
            out.write('?');
            for (int i = 0; i < query.size(); i++) {
                if (i > 0) {
                    out.write('&');
                }
                out.writeBytes(query.get(i));
            }
        }
        return out.toByteArray();
    }

    private static byte[] pair(String name, byte[] value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(name.getBytes(StandardCharsets.ISO_8859_1));
        out.write('=');
        out.writeBytes(value);
        return out.toByteArray();
    }

    private byte[] oddPathSegment(Parameter parameter) {
        String value = parameter == null ? "" : oddValue(parameter);
        if (odd.chance(10)) {
            return odd.pick(List.of("", "..", "%2e%2e", ".", "a%2Fb", "a/b", "%2F", "a;b", "a;jsessionid=1", "~", "%C0%AE%C0%AE"))
                    .getBytes(StandardCharsets.ISO_8859_1);
        }
        return odd.urlEncoded(value);
    }

    /** The documented example, else the first enum value, else something plain. */
    private static String validValue(Parameter parameter) {
        if (parameter == null) {
            return "x";
        }
        if (parameter.example() != null) {
            return parameter.example();
        }
        JsonNode values = parameter.valueSchema().path("enum");
        if (values.isArray() && values.size() > 0) {
            return values.get(0).asText();
        }
        return switch (BodyMutations.type(parameter.valueSchema())) {
            case "integer", "number" -> "1";
            case "boolean" -> "true";
            default -> "a";
        };
    }

    private String oddValue(Parameter parameter) {
        JsonNode schema = parameter.valueSchema();
        String example = parameter.example();
        boolean numeric = Set.of("integer", "number").contains(BodyMutations.type(schema))
                || example != null && example.matches("-?\\d+");
        JsonNode values = schema.path("enum");
        if (numeric && odd.chance(70)) {
            return odd.oddNumber();
        }
        if (values.isArray() && values.size() > 0 && odd.chance(70)) {
            String valid = values.get(odd.random().nextInt(values.size())).asText();
            return odd.pick(List.of(valid.toLowerCase(Locale.ROOT), valid + "\u0000", valid + " ", "NOT_A_VALUE", valid + "," + valid, "",
                    valid + "\u200b", " " + valid, odd.oddString()));
        }
        if (parameter.name().equals("sort") && odd.chance(40)) {
            return odd.pick(List.of("-", "--", "+", "-" + (example == null ? "x" : example), "relevance,-", "-\u0000", "\u2212year", "year-"));
        }
        return switch (odd.random().nextInt(6)) {
            case 0 -> odd.longString(schema.path("maxLength").asInt(200));
            case 1 -> (example == null ? "a" : example) + odd.oddString();
            default -> odd.oddString();
        };
    }

    private static boolean hasPathParameters(Operation operation) {
        return operation.path().contains("{");
    }

    private static Parameter header(Operation operation, String name) {
        return operation.parameters().stream()
                .filter(p -> p.in().equals("header") && p.name().equalsIgnoreCase(name)).findFirst().orElse(null);
    }

    // ---- the HTTP layer --------------------------------------------------------------------------------------------

    /** Broken request lines, missing Host, oversized URLs, headers and bodies, odd methods: a problem, never a 5xx. */
    private FuzzRequest httpLayer() {
        List<Operation> reads = spec.operations.stream().filter(o -> o.method().equals("GET") && !o.path().contains("{")).toList();
        Operation read = reads.isEmpty() ? spec.operations.get(0) : odd.pick(reads);
        byte[] path = read.path().getBytes(StandardCharsets.US_ASCII);
        int choice = odd.random().nextInt(16);
        if (choice >= 11 && choice <= 13 && spec.operations.stream().noneMatch(o -> o.body() != null)) {
            choice = 14;
        }
        FuzzRequest request;
        switch (choice) {
            case 0 -> {
                request = layer("GET", read, "HTTP/1.0 without Host");
                request.version = "HTTP/1.0";
                request.host = false;
            }
            case 1 -> {
                request = layer("GET", read, "HTTP/1.1 without Host");
                request.host = false;
            }
            case 2 -> {
                request = layer("GET", read, "illegal character in the URL");
                request.target = concat(path, ("?q=" + odd.pick(List.of("\"x\"", "a b", "<x>", "{x}", "a|b", "a\\b", "^", "`", "\u0000", "\u007f",
                        "\u00ff", "a\tb", "%\"", "[", "]")) + "").getBytes(StandardCharsets.ISO_8859_1));
            }
            case 3 -> {
                request = layer("GET", read, "URL over the limit");
                request.target = concat(path, ("?q=" + "a".repeat(odd.pick(List.of(4_100, 8_200, 17_000, 70_000)))).getBytes(StandardCharsets.US_ASCII));
            }
            case 4 -> {
                request = layer("GET", read, "headers over the limit");
                if (odd.chance(50)) {
                    request.header("X-Fuzz-Big", "a".repeat(odd.pick(List.of(9_000, 21_000, 70_000))));
                } else {
                    for (int i = 0; i < 400; i++) {
                        request.header("X-Fuzz-" + i, "a".repeat(60));
                    }
                }
            }
            case 5 -> {
                request = new FuzzRequest("OPTIONS", "OPTIONS *", Kind.HTTP_LAYER, "OPTIONS *");
                request.target = "*".getBytes(StandardCharsets.US_ASCII);
            }
            case 6 -> {
                request = layer(odd.pick(List.of("FOO", "get", "TRACE", "CONNECT", "PROPFIND", "G\u0000ET", "PATCH", "HEAD ")), read,
                        "odd method");
            }
            case 7 -> {
                request = layer("GET", read, "odd HTTP version");
                request.version = odd.pick(List.of("HTTP/2.0", "HTTP/1.2", "HTTP/9.9", "HTTP/1.1 extra", "HTTP/1", "http/1.1", "HTTP/1.1\u0000"));
            }
            case 8 -> {
                request = layer("GET", read, "odd request target");
                request.target = odd.pick(List.of("api/titles", "http://evil.example/api/titles", "//api", "/%", "/%00", "/..%2f..%2fetc%2fpasswd",
                        "/api/../api/../q/health", "/" + "a/".repeat(600), "/\u00ff", "/api//titles", "/api/titles/;")).getBytes(StandardCharsets.ISO_8859_1);
            }
            case 9 -> {
                request = layer("GET", read, "malformed header");
                request.headers.add(odd.pick(List.of("NoColon", "Bad Name: x", " Folded: x", "X-A : b", "X-\u0000: a", ": empty", "X-A: a\rb",
                        "Accept: application/json\r\n continued")).getBytes(StandardCharsets.ISO_8859_1));
            }
            case 10 -> {
                request = layer("GET", read, "several Host headers");
                request.header("Host", "evil.example");
            }
            case 11, 12 -> {
                Operation write = odd.pick(withBody());
                request = new FuzzRequest(write.method(), write.template(), write.secured() ? Kind.EDITOR_WRITE_INVALID : Kind.READ,
                        "body over the limit");
                request.target = write.path().replaceAll("\\{[^}]+}", ownSlug != null ? ownSlug : "x").getBytes(StandardCharsets.US_ASCII);
                request.header("Authorization", editor);
                request.header("If-Match", "\"987654\"");
                request.header("Content-Type", write.body() == null ? "application/json" : write.body().mediaTypes().get(0));
                request.body = ("{\"slug\":\"" + "a".repeat(odd.pick(List.of(2_200_000, 3_000_000, 5_000_000))) + "\"}").getBytes(StandardCharsets.US_ASCII);
                request.chunked = choice == 11;
            }
            case 13 -> {
                Operation write = odd.pick(withBody());
                request = new FuzzRequest(write.method(), write.template(), write.secured() ? Kind.EDITOR_WRITE_INVALID : Kind.READ,
                        "conflicting body framing");
                request.target = write.path().replaceAll("\\{[^}]+}", ownSlug != null ? ownSlug : "x").getBytes(StandardCharsets.US_ASCII);
                request.header("Authorization", editor);
                request.header("If-Match", "\"987654\"");
                request.header("Content-Type", "application/json");
                request.headers.add(odd.pick(List.of("Content-Length: 3", "Content-Length: abc", "Content-Length: -1",
                        "Transfer-Encoding: gzip, chunked", "Transfer-Encoding: identity")).getBytes(StandardCharsets.US_ASCII));
                request.body = "{}".getBytes(StandardCharsets.US_ASCII);
            }
            default -> {
                request = layer("GET", read, "odd headers");
                request.header(odd.pick(List.of("Accept-Charset", "Accept-Encoding", "Accept-Language", "Origin", "X-Forwarded-For", "Forwarded",
                        "X-Request-Id", "traceparent", "Range", "Cookie", "If-Modified-Since", "Authorization")),
                        odd.oddString().getBytes(StandardCharsets.UTF_8));
            }
        }
        return request;
    }

    private FuzzRequest layer(String method, Operation read, String note) {
        FuzzRequest request = new FuzzRequest(method, "HTTP layer: " + note, Kind.HTTP_LAYER, note);
        request.target = read.path().getBytes(StandardCharsets.US_ASCII);
        return request;
    }

    /** Operations that take a body (writes first); the first operation when none does. */
    private List<Operation> withBody() {
        List<Operation> writes = spec.operations.stream().filter(o -> o.body() != null).toList();
        return writes.isEmpty() ? List.of(spec.operations.get(0)) : writes;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
