package setsunai.common.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TextTest {

    private static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }

    @Test
    void decodesWellFormedUtf8IncludingMultiByteAndAnOffset() throws CharacterCodingException {
        byte[] body = "xx切ない🎵".getBytes(StandardCharsets.UTF_8);
        assertEquals("切ない🎵", Text.decodeUtf8(body, 2, body.length - 2));
    }

    @Test
    void refusesTheOverlongSlash() {
        // C0 AF is '/' written in two bytes: a lenient decoder lets it slip past path checks.
        assertThrows(CharacterCodingException.class, () -> Text.decodeUtf8(bytes(0x61, 0xC0, 0xAF), 0, 3));
    }

    @Test
    void refusesEncodedSurrogatesAndStrayBytes() {
        // ED A0 80 is U+D800 encoded directly (CESU), not valid UTF-8.
        assertThrows(CharacterCodingException.class, () -> Text.decodeUtf8(bytes(0xED, 0xA0, 0x80), 0, 3));
        assertThrows(CharacterCodingException.class, () -> Text.decodeUtf8(bytes(0x80), 0, 1));
        assertThrows(CharacterCodingException.class, () -> Text.decodeUtf8(bytes(0xFF, 0x41), 0, 2));
        // A truncated sequence at the end is an error too, not U+FFFD.
        assertThrows(CharacterCodingException.class, () -> Text.decodeUtf8(bytes(0x41, 0xE3, 0x81), 0, 3));
    }

    @Test
    void onlyTheGivenRangeIsDecoded() throws CharacterCodingException {
        // The stray byte lies outside the range, so it does not matter.
        assertEquals("ab", Text.decodeUtf8(bytes(0x61, 0x62, 0xFF), 0, 2));
    }

    @Test
    void firstControlFindsC0DelAndC1ButAllowsNothing() {
        assertEquals(-1, Text.firstControl("plain text, ünïcode 切ない"));
        assertEquals('\t', Text.firstControl("a\tb"));
        assertEquals(0x00, Text.firstControl("a\u0000b\u0001"));
        assertEquals(0x7F, Text.firstControl("del\u007F"));
        assertEquals(0x85, Text.firstControl("next line\u0085"));
        assertEquals('\n', Text.firstControl("x\ny\u0000"));
    }

    @Test
    void firstControlInTextAllowsTabLineFeedAndCarriageReturnOnly() {
        assertEquals(-1, Text.firstControlInText("line one\r\nline two\tend"));
        assertEquals(0x00, Text.firstControlInText("a\nb\u0000"));
        assertEquals(0x1B, Text.firstControlInText("\t\u001B[31m"));
        assertEquals(0x9F, Text.firstControlInText("x\u009F"));
        assertEquals(0x7F, Text.firstControlInText("\u007F"));
    }

    @Test
    void describeWritesTheCodePoint() {
        assertEquals("U+0000", Text.describe(0));
        assertEquals("U+001B", Text.describe(0x1B));
        assertEquals("U+1F3B5", Text.describe(0x1F3B5));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\t\n", "\u00A0", "\u2003", "\u3000", "\u200B", "\uFEFF", "\u0085",
            "\u00A0\u2003\u3000\u200B\uFEFF", "\u3164", "\u2800", "\u115F\u1160", "\uFFA0"})
    void invisibleTextHasNothingVisible(String value) {
        assertFalse(Text.hasVisible(value));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", "\u3000切\u3000", "\u200B1", "🎵", "\uFEFF-", "\u00A0.\u00A0"})
    void textWithOneVisibleCharacterHasVisible(String value) {
        assertTrue(Text.hasVisible(value));
    }

    @Test
    void nullHasNothingVisible() {
        assertFalse(Text.hasVisible(null));
    }

    @Test
    void lonelySurrogateIsNotVisible() {
        assertFalse(Text.hasVisible("\uD800"));
    }

    @Test
    void blankToNullStripsAndDropsBlankValues() {
        assertNull(Text.blankToNull(null));
        assertNull(Text.blankToNull(""));
        assertNull(Text.blankToNull(" \t\n\u3000"));
        assertEquals("Makoto Shinkai", Text.blankToNull("  Makoto Shinkai\u3000"));
        assertEquals("a  b", Text.blankToNull("a  b"));
    }
}
