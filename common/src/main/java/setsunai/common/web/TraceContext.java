package setsunai.common.web;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * W3C trace context and request ids, kept in the logging MDC so every log line of a request names them
 * and the gateway can pass them on to the services it calls.
 */
public final class TraceContext {

    public static final String REQUEST_ID_HEADER = "X-Request-Id";
    public static final String TRACEPARENT_HEADER = "traceparent";
    public static final String MDC_REQUEST_ID = "requestId";
    public static final String MDC_TRACE_ID = "traceId";

    private static final Pattern TRACEPARENT = Pattern.compile("^00-([0-9a-f]{32})-([0-9a-f]{16})-[0-9a-f]{2}$");
    private static final Pattern REQUEST_ID = Pattern.compile("^[A-Za-z0-9._:-]{1,128}$");
    private static final SecureRandom RANDOM = new SecureRandom();

    private TraceContext() {
    }

    /** The trace id of a valid traceparent header, or null. */
    public static String traceIdOf(String traceparent) {
        if (traceparent == null) {
            return null;
        }
        var matcher = TRACEPARENT.matcher(traceparent.trim());
        return matcher.matches() && !matcher.group(1).equals("0".repeat(32)) ? matcher.group(1) : null;
    }

    /** A client's request id if it is a sane token, else a new one. */
    public static String requestIdOrNew(String requestId) {
        return requestId != null && REQUEST_ID.matcher(requestId).matches() ? requestId : randomHex(16);
    }

    public static String newTraceId() {
        return randomHex(16);
    }

    /** A traceparent for an outgoing call in the given trace, with a fresh span id. */
    public static String traceparent(String traceId) {
        return "00-" + traceId + "-" + randomHex(8) + "-01";
    }

    private static String randomHex(int bytes) {
        byte[] value = new byte[bytes];
        RANDOM.nextBytes(value);
        return HexFormat.of().formatHex(value);
    }
}
