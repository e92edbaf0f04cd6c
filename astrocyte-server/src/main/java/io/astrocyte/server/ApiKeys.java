package io.astrocyte.server;

import io.astrocyte.AuthorizationException;
import io.astrocyte.identity.AstrocyteContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Authenticates a request: by its {@code X-Api-Key} (or {@code Authorization: Bearer <key>}), whose SHA-256 must be
 * configured, acting as that key's principal; or by a JWT bearer token ({@code Authorization: Bearer <a.b.c>}) when
 * {@code memory-server.jwt} is configured, acting as the principal its claims name. Keys are compared by digest, so
 * the configuration never holds a usable key. Anything else is refused with 401, without saying more than that.
 */
@Component
public class ApiKeys {

    private final Map<String, String> principalByDigest = new HashMap<>();
    private final org.springframework.security.oauth2.jwt.JwtDecoder jwt;

    public ApiKeys(ServerProperties properties) {
        this.jwt = JwtDecoders.of(properties.getJwt());
        for (ServerProperties.ApiKey k : properties.getApiKeys()) {
            if (k.getSha256() == null || !k.getSha256().matches("[0-9a-fA-F]{64}") || k.getPrincipal() == null
                    || k.getPrincipal().isBlank()) {
                throw new io.astrocyte.ConfigException("memory-server.api-keys: every key needs sha256 (64 hex digits)"
                        + " and a principal");
            }
            principalByDigest.put(k.getSha256().toLowerCase(Locale.ROOT), k.getPrincipal());
        }
    }

    /** The identity of a request with these headers; {@link AuthorizationException} (401) when there is none. */
    public AstrocyteContext authenticate(String apiKey, String authorization) {
        String key = apiKey;
        if ((key == null || key.isBlank()) && authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            key = authorization.substring(7).trim();
            if (jwt != null && key.chars().filter(c -> c == '.').count() == 2) {
                try {
                    return io.astrocyte.identity.JwtClaims.context(jwt.decode(key).getClaims());
                } catch (org.springframework.security.oauth2.jwt.JwtException e) {
                    throw new AuthorizationException("invalid bearer token");
                }
            }
        }
        if (key == null || key.isBlank()) {
            throw new AuthorizationException("no credentials: send X-Api-Key");
        }
        String principal = principalByDigest.get(sha256(key));
        if (principal == null) {
            throw new AuthorizationException("unknown API key");
        }
        return AstrocyteContext.of(principal);
    }

    /** The SHA-256 of a key in lowercase hex, as {@code memory-server.api-keys[].sha256} holds it. */
    public static String sha256(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
