package setsunai.testsupport;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.util.KeyUtils;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.time.Instant;
import java.util.Set;

/**
 * Bearer tokens for tests and local tries, signed with the committed development key (dev-keys/, not for production).
 * The services trust tokens whose issuer is {@value #ISSUER} and whose {@code groups} claim holds {@code editor}.
 */
public final class Tokens {

    public static final String ISSUER = "https://setsunai.dev/dev-issuer";

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
        return Jwt.issuer(issuer).upn("test-editor@setsunai.dev").groups(groups)
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
