package setsunai.testsupport;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.util.KeyUtils;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.time.Instant;
import java.util.Set;

/**
 * Bearer tokens for tests and local tries, signed with the committed development key (dev-keys/, not for production).
 * The services trust tokens whose issuer is {@value #ISSUER}, whose audience holds {@value #AUDIENCE}, issued at most
 * an hour ago ({@code mp.jwt.verify.token.age}) and not in the future, and whose {@code groups} claim holds
 * {@code editor}.
 */
public final class Tokens {

    public static final String ISSUER = "https://setsunai.dev/dev-issuer";
    public static final String AUDIENCE = "setsunai";

    private Tokens() {
    }

    /** A valid editor token, good for an hour. */
    public static String editor() {
        return token(ISSUER, Set.of("editor"), Instant.now().plusSeconds(3600), devKey());
    }

    /** A valid token without the editor role. */
    public static String reader() {
        return token(ISSUER, Set.of("reader"), Instant.now().plusSeconds(3600), devKey());
    }

    public static String expiredEditor() {
        return token(ISSUER, Set.of("editor"), Instant.now().minusSeconds(3600), devKey());
    }

    public static String editorFromOtherIssuer() {
        return token("https://someone-else.example", Set.of("editor"), Instant.now().plusSeconds(3600), devKey());
    }

    /** Meant for another service (audience). */
    public static String editorForOtherAudience() {
        Instant now = Instant.now();
        return token(ISSUER, "some-other-api", Set.of("editor"), now, now.plusSeconds(3600), devKey());
    }

    /** Not expired, but issued two hours ago: older than the services accept (mp.jwt.verify.token.age). */
    public static String editorIssuedLongAgo() {
        Instant now = Instant.now();
        return token(ISSUER, AUDIENCE, Set.of("editor"), now.minusSeconds(7200), now.plusSeconds(3600), devKey());
    }

    /** Issued an hour from now: a forged or mis-clocked issuer. */
    public static String editorIssuedInTheFuture() {
        Instant now = Instant.now();
        return token(ISSUER, AUDIENCE, Set.of("editor"), now.plusSeconds(3600), now.plusSeconds(7200), devKey());
    }

    /** Signed by a key the services do not know. */
    public static String editorWithWrongSignature() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return token(ISSUER, Set.of("editor"), Instant.now().plusSeconds(3600), generator.generateKeyPair().getPrivate());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static void main(String[] args) {
        System.out.println(editor());
    }

    private static String token(String issuer, Set<String> groups, Instant expiresAt, PrivateKey key) {
        Instant issuedAt = expiresAt.isBefore(Instant.now()) ? expiresAt.minusSeconds(3600) : Instant.now();
        return token(issuer, AUDIENCE, groups, issuedAt, expiresAt, key);
    }

    private static String token(String issuer, String audience, Set<String> groups, Instant issuedAt, Instant expiresAt,
            PrivateKey key) {
        return Jwt.issuer(issuer).audience(audience).upn("test-editor@setsunai.dev").groups(groups)
                .issuedAt(issuedAt).expiresAt(expiresAt).sign(key);
    }

    private static PrivateKey devKey() {
        try {
            return KeyUtils.readPrivateKey("dev-keys/jwt-private.pem");
        } catch (Exception e) {
            throw new IllegalStateException("dev-keys/jwt-private.pem is missing from the class path", e);
        }
    }
}
