package io.astrocyte.server;

import io.astrocyte.ConfigException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;

/**
 * Builds the JWT decoder of {@code memory-server.jwt} on Spring Security's resource-server decoder: an HS256 secret,
 * or a JWK set from an {@code https:} URL (fetched and cached by Spring Security) or a {@code file:} (read at start);
 * signature, expiry, and audience and issuer when set.
 */
final class JwtDecoders {

    private JwtDecoders() {
    }

    /** A JWK set read once from a {@code file:} URI (public keys only; a private key there is refused). */
    private static JWKSet jwksFile(String uri) {
        JWKSet set;
        try {
            set = JWKSet.load(new java.io.File(java.net.URI.create(uri)));
        } catch (java.io.IOException | java.text.ParseException | IllegalArgumentException e) {
            throw new ConfigException("memory-server.jwt.jwks-uri: cannot read a JWK set from " + uri + ": "
                    + e.getMessage());
        }
        if (set.getKeys().isEmpty()) {
            throw new ConfigException("memory-server.jwt.jwks-uri: " + uri + " holds no keys");
        }
        if (set.getKeys().stream().anyMatch(com.nimbusds.jose.jwk.JWK::isPrivate)) {
            throw new ConfigException("memory-server.jwt.jwks-uri: " + uri + " holds a private key; give the server"
                    + " public keys only");
        }
        return set;
    }

    /** {@code null} when no JWT is configured (bearer tokens are then API keys only). */
    static JwtDecoder of(ServerProperties.Jwt c) {
        boolean secret = c.getSecret() != null && !c.getSecret().isBlank();
        boolean jwks = c.getJwksUri() != null && !c.getJwksUri().isBlank();
        if (!secret && !jwks) {
            return null;
        }
        if (secret && jwks) {
            throw new ConfigException("memory-server.jwt: set secret or jwks-uri, not both");
        }
        NimbusJwtDecoder decoder;
        if (secret) {
            byte[] key = c.getSecret().getBytes(StandardCharsets.UTF_8);
            if (key.length < 32) {
                throw new ConfigException("memory-server.jwt.secret: HS256 needs at least 32 bytes");
            }
            decoder = NimbusJwtDecoder.withSecretKey(new SecretKeySpec(key, "HmacSHA256"))
                    .macAlgorithm(MacAlgorithm.HS256).build();
        } else if (c.getJwksUri().startsWith("file:")) {
            decoder = NimbusJwtDecoder.withJwkSource(new ImmutableJWKSet<>(jwksFile(c.getJwksUri()))).build();
        } else {
            decoder = NimbusJwtDecoder.withJwkSetUri(c.getJwksUri()).build();
        }
        List<OAuth2TokenValidator<Jwt>> checks = new ArrayList<>();
        checks.add(c.getIssuer() == null || c.getIssuer().isBlank() ? new JwtTimestampValidator()
                : JwtValidators.createDefaultWithIssuer(c.getIssuer()));
        if (c.getAudience() != null && !c.getAudience().isBlank()) {
            checks.add(new JwtClaimValidator<List<String>>("aud", aud -> aud != null && aud.contains(c.getAudience())));
        }
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(checks));
        return decoder;
    }
}
