package setsunai.common.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.deser.std.UntypedObjectDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import setsunai.common.problem.UnsafeTextException;

/**
 * Reads request JSON strictly, so odd documents are a 400 naming the field instead of a 500 further down:
 * a key given twice, nesting deeper than any of our documents needs, strings holding NUL or another control
 * character (PostgreSQL refuses NUL in text and jsonb), and "" where a number, enum or list belongs.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    /** Our deepest document (a song's usages) nests 3 levels; leave room, but far below a stack overflow. */
    static final int MAX_NESTING_DEPTH = 32;

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        // "" is a string, not a missing value: Jackson would read it as null for a number, an enum or a list.
        mapper.coercionConfigDefaults().setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(MAX_NESTING_DEPTH).build());
        mapper.registerModule(new SimpleModule("setsunai-strict-text")
                .addDeserializer(String.class, new CheckedStrings())
                .addKeyDeserializer(String.class, new CheckedKeys())
                .addDeserializer(Object.class, new CheckedUntyped()));
    }

    /** Free-form values (externalIds): their nested keys and strings are read without the checks above. */
    static final class CheckedUntyped extends UntypedObjectDeserializer {
        CheckedUntyped() {
            super((com.fasterxml.jackson.databind.JavaType) null, null);
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            Object value = super.deserialize(p, ctxt);
            check(value, p);
            return value;
        }

        private static void check(Object value, JsonParser p) throws UnsafeTextException {
            if (value instanceof String text && Text.firstControlInText(text) >= 0) {
                throw new UnsafeTextException(p, "must not contain control characters, found "
                        + Text.describe(Text.firstControlInText(text)));
            } else if (value instanceof Map<?, ?> map) {
                for (Map.Entry<?, ?> entry : map.entrySet()) {
                    if (entry.getKey() instanceof String key && Text.firstControl(key) >= 0) {
                        throw new UnsafeTextException(p, "keys must not contain control characters, found "
                                + Text.describe(Text.firstControl(key)));
                    }
                    check(entry.getValue(), p);
                }
            } else if (value instanceof List<?> list) {
                for (Object item : list) {
                    check(item, p);
                }
            }
        }
    }

    /** Every string value, in records, lists and untyped maps alike. */
    static final class CheckedStrings extends StringDeserializer {
        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String value = super.deserialize(p, ctxt);
            if (value != null && p.hasToken(JsonToken.VALUE_STRING)) {
                int control = Text.firstControlInText(value);
                if (control >= 0) {
                    throw new UnsafeTextException(p, "must not contain control characters, found " + Text.describe(control));
                }
            }
            return value;
        }

        @Override
        public boolean isCachable() {
            return true;
        }
    }

    /** Map keys, e.g. externalIds. */
    static final class CheckedKeys extends KeyDeserializer {
        @Override
        public Object deserializeKey(String key, DeserializationContext ctxt) throws IOException {
            int control = Text.firstControl(key);
            if (control >= 0) {
                throw new UnsafeTextException(ctxt.getParser(), "keys must not contain control characters, found "
                        + Text.describe(control));
            }
            return key;
        }
    }
}
