package setsunai.testsupport.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import setsunai.testsupport.PlainWords;
import setsunai.testsupport.RawHttp;

/** What every answer to a fuzz request must hold. */
final class ResponseChecks {

    /** One broken rule, for one request. */
    record Finding(String kind, int status, String operation, String repro, String detail) {

        /** Findings with the same key are one defect, however many requests showed it. */
        String key() {
            return kind + "|" + status + "|" + operation;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private ResponseChecks() {
    }

    static List<Finding> check(FuzzRequest request, RawHttp.Response response) {
        List<Finding> findings = new ArrayList<>();
        int status = response.status();
        if (status < 0) {
            findings.add(finding("no answer", request, status, response.failure()));
            return findings;
        }
        String body = response.bodyText();
        if (status >= 500) {
            findings.add(finding("5xx", request, status, excerpt(response)));
        }
        if (status >= 400 && !decoderRefusal(request, response)) {
            String problem = problemViolation(response, status);
            if (problem != null) {
                findings.add(finding("error not problem+json", request, status, problem));
            }
        }
        for (Pattern leak : PlainWords.LEAKS) {
            Matcher matcher = leak.matcher(body);
            if (matcher.find()) {
                int from = Math.max(0, matcher.start() - 60);
                findings.add(finding("leak " + leak.pattern(), request, status,
                        "…" + Repro.excerpt(body.substring(from, Math.min(body.length(), matcher.end() + 60)), 200) + "…"));
            }
        }
        if (body.contains("circuit breaker open")) {
            findings.add(finding("circuit breaker opened by callers", request, status, excerpt(response)));
        }
        if (status >= 200 && status < 300) {
            switch (request.kind) {
                case EDITOR_WRITE_INVALID -> findings.add(finding("invalid write accepted", request, status, excerpt(response)));
                case FORGED_WRITE -> findings.add(finding("write without a valid editor token accepted", request, status,
                        excerpt(response)));
                case EDITOR_IMPORT_INVALID -> {
                    JsonNode report = json(body);
                    if (report == null || report.path("created").asInt() + report.path("updated").asInt() > 0) {
                        findings.add(finding("invalid import line stored", request, status, excerpt(response)));
                    }
                }
                default -> {
                }
            }
        } else if (request.allowed != null && !request.allowed.contains(status)) {
            findings.add(finding("forged token not refused with " + request.allowed, request, status, excerpt(response)));
        }
        return findings;
    }

    /** The services' Netty limits (quarkus.http.limits.max-initial-line-length / max-header-size). */
    static final int MAX_REQUEST_LINE = 16384;
    static final int MAX_HEADER_BLOCK = 64 * 1024;

    /**
     * The one kind of error that is not problem+json, by necessity: a request Netty's HTTP/1 decoder cannot parse
     * never reaches Quarkus, and Vert.x's own invalid-request handler answers it with an empty 400/414/431 and closes
     * the connection. Quarkus 3.37.3 creates the server itself and offers no way to set that handler
     * (HttpServer#invalidRequestHandler), so this is accepted only for requests that really break RFC 9112 framing,
     * and only as that empty answer; anything the services' own code sends must still be a problem.
     */
    static boolean decoderRefusal(FuzzRequest request, RawHttp.Response response) {
        int status = response.status();
        return (status == 400 || status == 414 || status == 431) && response.body().length == 0
                && request.framingViolation(MAX_REQUEST_LINE, MAX_HEADER_BLOCK) != null;
    }

    /** Why an error answer is not an RFC 9457 problem with our fields, or null when it is one. */
    private static String problemViolation(RawHttp.Response response, int status) {
        String type = response.header("content-type");
        if (type == null || !type.toLowerCase().startsWith("application/problem+json")) {
            return "Content-Type " + type + ", body: " + excerpt(response);
        }
        JsonNode problem = json(response.bodyText());
        if (problem == null || !problem.isObject()) {
            return "body is not a JSON object: " + excerpt(response);
        }
        List<String> wrong = new ArrayList<>();
        for (String field : List.of("type", "title", "detail")) {
            if (!problem.path(field).isTextual() || problem.path(field).asText().isBlank()) {
                wrong.add(field);
            }
        }
        if (problem.path("status").asInt(-1) != status) {
            wrong.add("status");
        }
        return wrong.isEmpty() ? null : "missing or wrong " + wrong + ": " + excerpt(response);
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            return null;
        }
    }

    private static String excerpt(RawHttp.Response response) {
        return response.body().length == 0 ? "(empty body)" : Repro.excerpt(response.body(), 160);
    }

    private static Finding finding(String kind, FuzzRequest request, int status, String detail) {
        return new Finding(kind, status, request.operation, request.repro() + "  (" + request.note + ")", detail);
    }
}
