package setsunai.testsupport.fuzz;

/** Renders request and answer bytes readably for a finding: printable ASCII as is, everything else as \xNN. */
final class Repro {

    private Repro() {
    }

    static String excerpt(byte[] bytes, int max) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < bytes.length && out.length() < max; i++) {
            int b = bytes[i] & 0xff;
            if (b >= 0x20 && b < 0x7f && b != '\\') {
                out.append((char) b);
            } else if (b == '\\') {
                out.append("\\\\");
            } else {
                out.append(String.format("\\x%02X", b));
            }
        }
        if (out.length() >= max) {
            out.setLength(max);
            out.append("…(").append(bytes.length).append(" bytes)");
        }
        return out.toString();
    }

    static String excerpt(String text, int max) {
        return excerpt(text.getBytes(java.nio.charset.StandardCharsets.UTF_8), max);
    }
}
