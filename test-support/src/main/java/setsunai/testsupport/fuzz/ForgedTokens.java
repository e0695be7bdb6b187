package setsunai.testsupport.fuzz;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.util.KeyUtils;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.RSAPublicKeySpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import setsunai.testsupport.Tokens;

/** Authorization header values that must never let a write through: forged, garbled, expired, misplaced tokens. */
final class ForgedTokens {

    /** One value; {@code malformed} when the header itself is broken (raw bytes, huge), so a 400 or 431 is fine too. */
    record Forged(String name, byte[] header, boolean malformed, boolean forbidden) {
    }

    final List<Forged> all = new ArrayList<>();

    ForgedTokens() {
        String editor = Tokens.editor();
        String[] parts = editor.split("\\.");
        String header = parts[0];
        String payload = parts[1];
        String signature = parts[2];
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String editorClaims = "{\"iss\":\"" + Tokens.ISSUER + "\",\"upn\":\"x@setsunai.dev\",\"groups\":[\"editor\"],\"exp\":"
                + (Instant.now().getEpochSecond() + 3600) + ",\"iat\":" + Instant.now().getEpochSecond() + "}";
        String claims64 = b64.encodeToString(editorClaims.getBytes(StandardCharsets.UTF_8));

        add("no Authorization", null);
        add("empty bearer", "Bearer ");
        add("not a JWT", "Bearer not-a-jwt");
        add("three garbage parts", "Bearer a.b.c");
        add("alg none", "Bearer " + b64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8))
                + "." + claims64 + ".");
        add("signature removed", "Bearer " + header + "." + payload + ".");
        add("signature of another payload", "Bearer " + header + "." + claims64 + "." + signature);
        add("signature flipped", "Bearer " + header + "." + payload + "." + flip(signature));
        add("truncated", "Bearer " + editor.substring(0, editor.length() - 7));
        add("HS256 with the public key as secret", "Bearer " + hs256WithPublicKey(claims64));
        add("other scheme", "Token " + editor);
        add("basic", "Basic ZWRpdG9yOmVkaXRvcg==");
        add("expired", "Bearer " + Tokens.expiredEditor());
        add("other issuer", "Bearer " + Tokens.editorFromOtherIssuer());
        add("unknown signing key", "Bearer " + Tokens.editorWithWrongSignature());
        add("issued in the future", "Bearer " + signed(Jwt.issuer(Tokens.ISSUER).upn("x@setsunai.dev").groups(Set.of("editor"))
                .issuedAt(Instant.now().plusSeconds(3600)).expiresAt(Instant.now().plusSeconds(7200))));
        add("other audience", "Bearer " + signed(Jwt.issuer(Tokens.ISSUER).audience("https://someone-else.example")
                .upn("x@setsunai.dev").groups(Set.of("editor")).issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(3600))));
        add("issued a year ago", "Bearer " + signed(Jwt.issuer(Tokens.ISSUER).upn("x@setsunai.dev").groups(Set.of("editor"))
                .issuedAt(Instant.now().minusSeconds(365L * 24 * 3600)).expiresAt(Instant.now().plusSeconds(3600))));
        all.add(new Forged("reader role", ("Bearer " + Tokens.reader()).getBytes(StandardCharsets.US_ASCII), false, true));
        all.add(new Forged("NUL in token", ("Bearer " + header + ".\u0000." + signature).getBytes(StandardCharsets.ISO_8859_1), true, false));
        all.add(new Forged("raw high bytes in token", ("Bearer \u00ff\u00fe" + payload).getBytes(StandardCharsets.ISO_8859_1), true, false));
        all.add(new Forged("CR in token", ("Bearer " + header + "\r." + payload).getBytes(StandardCharsets.ISO_8859_1), true, false));
        all.add(new Forged("30 KB token", ("Bearer " + "A".repeat(30_000)).getBytes(StandardCharsets.US_ASCII), true, false));
    }

    private void add(String name, String value) {
        all.add(new Forged(name, value == null ? null : value.getBytes(StandardCharsets.UTF_8), false, false));
    }

    private static String flip(String signature) {
        char last = signature.charAt(signature.length() / 2);
        char other = last == 'A' ? 'B' : 'A';
        return signature.substring(0, signature.length() / 2) + other + signature.substring(signature.length() / 2 + 1);
    }

    private static String signed(io.smallrye.jwt.build.JwtClaimsBuilder claims) {
        return claims.sign(devKey());
    }

    private static PrivateKey devKey() {
        try {
            return KeyUtils.readPrivateKey("dev-keys/jwt-private.pem");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The classic algorithm confusion: HMAC over the token with the verifier's public key as the shared secret. */
    private static String hs256WithPublicKey(String claims64) {
        try {
            RSAPrivateCrtKey key = (RSAPrivateCrtKey) devKey();
            var publicKey = KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(key.getModulus(), key.getPublicExponent()));
            String pem = "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                    .encodeToString(publicKey.getEncoded()) + "\n-----END PUBLIC KEY-----\n";
            Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
            String signingInput = b64.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "." + claims64;
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(pem.getBytes(StandardCharsets.US_ASCII), "HmacSHA256"));
            return signingInput + "." + b64.encodeToString(mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
