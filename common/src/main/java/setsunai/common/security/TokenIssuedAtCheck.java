package setsunai.common.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.Claims;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Refuses a bearer token issued in the future (its {@code iat} after now plus the clock skew): smallrye-jwt checks
 * the token's age ({@code mp.jwt.verify.token.age}) as now minus {@code iat}, which such a token would pass for as
 * long as its issuer liked. Refused like any invalid token: 401 problem+json (ProblemMappers).
 */
@ApplicationScoped
public class TokenIssuedAtCheck implements SecurityIdentityAugmentor {

    @ConfigProperty(name = "mp.jwt.verify.clock.skew", defaultValue = "60")
    int clockSkewSeconds;

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.getPrincipal() instanceof JsonWebToken token) {
            long now = System.currentTimeMillis() / 1000;
            Object issuedAt = token.getClaim(Claims.iat.name());
            if (issuedAt instanceof Number seconds && seconds.longValue() > now + clockSkewSeconds) {
                return Uni.createFrom().failure(new AuthenticationFailedException("token issued in the future"));
            }
        }
        return Uni.createFrom().item(identity);
    }
}
