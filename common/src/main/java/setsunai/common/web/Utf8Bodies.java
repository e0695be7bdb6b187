package setsunai.common.web;

import jakarta.ws.rs.ConstrainedTo;
import jakarta.ws.rs.RuntimeType;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import setsunai.common.problem.InvalidInputException;

/**
 * Refuses a JSON or NDJSON body that is not strict UTF-8. Jackson decodes overlong forms (C0 AF becomes '/') and
 * the text reader behind NDJSON turns bad bytes into U+FFFD; both would store something the client never sent.
 * Bodies are at most quarkus.http.limits.max-body-size, so checking them whole is cheap. Callers' bodies only: the
 * gateway's REST clients read what our own services wrote (checking it again was 6 % of the gateway's CPU).
 */
@Provider
@ConstrainedTo(RuntimeType.SERVER)
public class Utf8Bodies implements ReaderInterceptor {

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        if (isText(context.getMediaType())) {
            byte[] body = context.getInputStream().readAllBytes();
            check(body, NdjsonLines.MEDIA_TYPE.equals(subtypeOf(context.getMediaType())));
            context.setInputStream(new ByteArrayInputStream(body));
        }
        return context.proceed();
    }

    private static void check(byte[] body, boolean ndjson) {
        int line = 1;
        int start = 0;
        for (int i = 0; i <= body.length; i++) {
            if (i == body.length || body[i] == '\n') {
                try {
                    Text.decodeUtf8(body, start, i - start);
                } catch (CharacterCodingException e) {
                    throw new InvalidInputException("body", (ndjson ? "line " + line + " " : "")
                            + "is not valid UTF-8 (overlong forms such as C0 AF, surrogates and stray bytes are "
                            + "refused); send the text encoded as UTF-8");
                }
                line++;
                start = i + 1;
            }
        }
    }

    private static boolean isText(MediaType type) {
        if (type == null) {
            return false;
        }
        String subtype = type.getSubtype().toLowerCase();
        return subtype.equals("json") || subtype.endsWith("+json") || subtype.equals("x-ndjson");
    }

    private static String subtypeOf(MediaType type) {
        return type.getType().toLowerCase() + "/" + type.getSubtype().toLowerCase();
    }
}
