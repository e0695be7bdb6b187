package setsunai.common.web;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** What counts as acceptable text in a request: strict UTF-8, no control characters, "not blank" = visible. */
public final class Text {

    private Text() {
    }

    /** Strict UTF-8: overlong forms (C0 AF for '/'), surrogates and stray bytes are errors, never U+FFFD. */
    public static String decodeUtf8(byte[] bytes, int offset, int length) throws CharacterCodingException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        return decoder.decode(ByteBuffer.wrap(bytes, offset, length)).toString();
    }

    /** The first control character (C0, DEL, C1) in a value where none makes sense (URLs, names), or -1. */
    public static int firstControl(String value) {
        for (int i = 0; i < value.length(); i++) {
            if (Character.isISOControl(value.charAt(i))) {
                return value.charAt(i);
            }
        }
        return -1;
    }

    /** As {@link #firstControl} but allows tab, line feed and carriage return, which free text may hold. */
    public static int firstControlInText(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r') {
                return c;
            }
        }
        return -1;
    }

    /** An optional text field as stored: stripped, and a blank value is no value. */
    public static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    public static String describe(int c) {
        return String.format("U+%04X", c);
    }

    /**
     * True when the value has at least one character a reader can see: not a space of any kind (U+00A0, U+2003,
     * U+3000...), not a control or format character (U+0085, U+200B, U+FEFF...), not a filler that renders blank.
     */
    public static boolean hasVisible(CharSequence value) {
        return value != null && value.codePoints().anyMatch(Text::visible);
    }

    private static boolean visible(int cp) {
        if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
            return false;
        }
        return switch (Character.getType(cp)) {
            case Character.CONTROL, Character.FORMAT, Character.UNASSIGNED, Character.SURROGATE -> false;
            // Hangul fillers and the blank braille pattern are letters/symbols that render as nothing.
            default -> cp != 0x115F && cp != 0x1160 && cp != 0x3164 && cp != 0xFFA0 && cp != 0x2800;
        };
    }
}
