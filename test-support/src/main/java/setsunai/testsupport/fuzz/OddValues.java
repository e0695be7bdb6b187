package setsunai.testsupport.fuzz;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import net.datafaker.Faker;

/**
 * The odd values, all drawn from one seeded {@link Random}, so a run is replayed exactly by its seed. Realistic text
 * in many scripts (Japanese, Arabic, Hebrew, Russian, Korean, Greek…) comes from Datafaker, which is maintained, on
 * Maven Central and takes the seeded {@code Random} as it is; the odd parts (controls, Unicode blanks, marks, broken
 * encodings) are listed here, because no generator knows which bytes hurt this stack. (jqwik was the first choice,
 * but its 1.10 generators refuse to run outside its own engine, which cannot start Quarkus.)
 */
final class OddValues {

    static final String CONTROLS = "\u0000\u0001\u0007\b\t\n\u000b\f\r\u001b\u001f\u007f\u0085";
    static final String UNICODE_BLANKS = "\u00a0\u0085\u1680\u2000\u2003\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff";
    static final String INVISIBLE = "\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u061c";

    /** Percent-encoded bytes that must never be decoded into something harmless-looking. */
    static final List<String> RAW_ENCODED = List.of("%00", "%C0%AF", "%C0%80", "%ED%A0%80", "%ED%BF%BF", "%FF", "%FE%FF",
            "%E2%82", "%F4%90%80%80", "%", "%G1", "%2", "%%", "%0", "%u0041", "%2F", "%2e%2e", "%5C", "%0D%0A", "%7F");
    /** Bytes a URL may not hold unencoded (the HTTP layer must answer a 400 problem for them). */
    static final List<String> RAW_URL_CHARS = List.of("\"", " ", "<", ">", "{", "}", "|", "\\", "^", "`", "\u0000", "\u007f",
            "\u00ff", "\t", "#x");
    private static final List<String> SYNTAX = List.of("'", "\"", "\\", "%", "_", "*", "&", "|", "!", ":*", "<->", "(", ")",
            "a & | b", "''--", "\\x00", "$1", "${x}", "#{x}", "{{x}}", "../..", "..", ".", "/", "//", "?", "&&", "=", "null", "NULL",
            "undefined", "true", "[]", "{}", "\uD83D\uDE22", "e\u0301", "\uFB01", "İ", "ß", "ǅ", "\u0130stanbul", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢");
    private static final List<String> LONE_SURROGATES = List.of("\uD800", "a\uDBFFb", "\uDC00x", "x\uDFFF", "\uDE22\uD83D");
    private static final List<String> NUMBER_WORDS = List.of("NaN", "Infinity", "-Infinity", "1e3", "1E400", "-0", "0x10",
            "+5", " 5", "5 ", "1_000", "٣", "１", "1.0", "1,5", "", "-", "00000000000000000001", "2147483648", "-2147483649",
            "9223372036854775808", "1e-400", "0.5", "5\u0000", String.valueOf(Long.MIN_VALUE), String.valueOf(Integer.MAX_VALUE));
    private static final List<Locale> SCRIPTS = List.of(Locale.JAPANESE, Locale.forLanguageTag("ar"), Locale.forLanguageTag("he"),
            Locale.forLanguageTag("ru"), Locale.KOREAN, Locale.forLanguageTag("el"), Locale.forLanguageTag("zh-CN"),
            Locale.forLanguageTag("th"), Locale.forLanguageTag("fa"));

    private final Random random;
    private final Faker faker;
    private final List<Faker> scripts;

    OddValues(Random random) {
        this.random = random;
        this.faker = new Faker(Locale.ENGLISH, random);
        this.scripts = SCRIPTS.stream().map(locale -> new Faker(locale, random)).toList();
    }

    Random random() {
        return random;
    }

    boolean chance(int percent) {
        return random.nextInt(100) < percent;
    }

    <T> T pick(List<T> values) {
        return faker.options().nextElement(values);
    }

    /** An odd text value: control chars, Unicode blanks, invisible or RTL marks, lone surrogates, syntax, other scripts. */
    String oddString() {
        return switch (random.nextInt(10)) {
            case 0 -> mixed(CONTROLS, 1 + random.nextInt(4));
            case 1 -> "a\u0000b";
            case 2 -> chars(UNICODE_BLANKS, 1 + random.nextInt(5));
            case 3 -> mixed(INVISIBLE, 1 + random.nextInt(4));
            case 4 -> pick(LONE_SURROGATES);
            case 5 -> pick(SYNTAX);
            case 6 -> longString(200);
            case 7 -> "your" + pick(List.of("\u0000", "\u00a0", "\u200b", "\r\n", "\t", "%", "'")) + "lie";
            case 8 -> pick(scripts).name().fullName() + (chance(50) ? "" : pick(List.of("\u202e", "\u200f", "\u0000", "\u3000")));
            default -> pick(scripts).lorem().word() + pick(SYNTAX) + faker.lorem().word();
        };
    }

    /** {@code count} characters of {@code alphabet} between ordinary words. */
    private String mixed(String alphabet, int count) {
        return faker.lorem().word() + chars(alphabet, count) + (chance(50) ? faker.lorem().word() : "");
    }

    private String chars(String alphabet, int count) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < count; i++) {
            out.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return out.toString();
    }

    /** A string longer than {@code documentedMax} (or than any sensible limit when none is documented). */
    String longString(int documentedMax) {
        // Past the documented maximum whenever there is one: just past it mostly, far past it sometimes.
        int length = documentedMax > 0 ? documentedMax + 1 + random.nextInt(chance(60) ? 10 : documentedMax + 1)
                : pick(List.of(201, 256, 501, 1001, 2049, 5000, 10001));
        StringBuilder out = new StringBuilder(length + 20);
        while (out.length() < length) {
            out.append(chance(80) ? faker.lorem().word() : pick(scripts).lorem().word()).append(chance(50) ? " " : "");
        }
        out.setLength(length);
        return out.toString();
    }

    /** Text for an integer parameter that is not a valid one: overflow, floats, NaN, signs, other digits. */
    String oddNumber() {
        return switch (random.nextInt(5)) {
            case 0 -> String.valueOf(faker.number().numberBetween(Long.MIN_VALUE / 2, Long.MAX_VALUE / 2));
            case 1 -> new BigInteger(64 + random.nextInt(70), random).add(BigInteger.TWO.pow(63)).toString();
            case 2 -> String.valueOf(faker.number().randomDouble(random.nextInt(6), -1_000_000, 1_000_000));
            case 3 -> "-" + new BigInteger(64 + random.nextInt(70), random).add(BigInteger.TWO.pow(63));
            default -> pick(NUMBER_WORDS);
        };
    }

    int nestingDepth() {
        return pick(List.of(50, 800, 999, 1200));
    }

    /** A value's text made URL-ready: percent-encoded properly, or with raw or broken encodings spliced in. */
    byte[] urlEncoded(String value) {
        String encoded = percentEncode(value);
        if (chance(30)) {
            int at = encoded.isEmpty() ? 0 : random.nextInt(encoded.length() + 1);
            // splice at a boundary between escapes, never inside one
            while (at > 0 && at < encoded.length() && (encoded.charAt(at - 1) == '%' || at > 1 && encoded.charAt(at - 2) == '%')) {
                at--;
            }
            String odd = chance(80) ? pick(RAW_ENCODED) : pick(RAW_URL_CHARS);
            encoded = encoded.substring(0, at) + odd + encoded.substring(at);
        }
        return encoded.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** UTF-8 percent-encoding of everything but unreserved characters; a lone surrogate becomes its CESU-8 bytes. */
    static String percentEncode(String value) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x80 && (Character.isLetterOrDigit(c) || "-._~".indexOf(c) >= 0)) {
                out.append(c);
                continue;
            }
            byte[] bytes;
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                bytes = value.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
                i++;
            } else if (Character.isSurrogate(c)) {
                bytes = new byte[] {(byte) (0xE0 | c >> 12), (byte) (0x80 | (c >> 6 & 0x3F)), (byte) (0x80 | (c & 0x3F))};
            } else {
                bytes = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
            }
            for (byte b : bytes) {
                out.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return out.toString();
    }
}
