package io.astrocyte.server;

import io.astrocyte.AuthorizationException;
import io.astrocyte.identity.AstrocyteContext;
import io.astrocyte.identity.GlobPattern;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Authenticates a request: by its {@code X-Api-Key} (or {@code Authorization: Bearer <key>}), whose SHA-256 must be
 * configured, acting as that key's principal; or by a JWT bearer token ({@code Authorization: Bearer <a.b.c>}) when
 * {@code memory-server.jwt} is configured, acting as the principal its claims name. Keys are compared by digest, so
 * the configuration never holds a usable key. Anything else is refused with 401, without saying more than that. A key
 * configured with {@code on-behalf-of} patterns may act for a matching principal named in {@code X-On-Behalf-Of}.
 */
@Component
public class ApiKeys {

    /** The request attribute where an authenticated request's caller is left (for MCP and the access log). */
    static final String CALLER_ATTRIBUTE = ApiKeys.class.getName() + ".caller";

    private final Map<String, String> principalByDigest = new HashMap<>();
    private final Map<String, List<GlobPattern>> onBehalfOfByDigest = new HashMap<>();
    private final org.springframework.security.oauth2.jwt.JwtDecoder jwt;

    public ApiKeys(ServerProperties properties) {
        this.jwt = JwtDecoders.of(properties.getJwt());
        for (ServerProperties.ApiKey k : properties.getApiKeys()) {
            if (k.getSha256() == null || !k.getSha256().matches("[0-9a-fA-F]{64}") || k.getPrincipal() == null
                    || k.getPrincipal().isBlank()) {
                throw new io.astrocyte.ConfigException("memory-server.api-keys: every key needs sha256 (64 hex digits)"
                        + " and a principal");
            }
            String digest = k.getSha256().toLowerCase(Locale.ROOT);
            principalByDigest.put(digest, k.getPrincipal());
            onBehalfOfByDigest.put(digest, k.getOnBehalfOf().stream().map(GlobPattern::new).toList());
        }
    }

    /** The identity of a request with these headers; {@link AuthorizationException} (401) when there is none. */
    public AstrocyteContext authenticate(String apiKey, String authorization) {
        return authenticate(apiKey, authorization, null);
    }

    /**
     * As {@link #authenticate(String, String)}, acting on behalf of {@code onBehalfOf} (the
     * {@code X-On-Behalf-Of} header) when given: an API key may do so only for principals matching its
     * {@code on-behalf-of} patterns, and a JWT not at all (its claims already say whom it acts for);
     * {@link OnBehalfOfNotAllowedException} (403) otherwise.
     */
    public AstrocyteContext authenticate(String apiKey, String authorization, String onBehalfOf) {
        Authenticated a = identify(apiKey, authorization);
        if (onBehalfOf == null || onBehalfOf.isBlank()) {
            return a.context();
        }
        String other = onBehalfOf.trim();
        List<GlobPattern> allowed = a.digest() == null ? List.of() : onBehalfOfByDigest.get(a.digest());
        if (allowed.stream().noneMatch(p -> p.matches(other))) {
            throw new OnBehalfOfNotAllowedException(a.context().principal(), other);
        }
        try {
            return a.context().onBehalfOf(other);
        } catch (IllegalArgumentException e) {
            throw new io.astrocyte.InvalidRequestException("X-On-Behalf-Of", "is not a principal");
        }
    }

    /** An authenticated caller, and the digest of the API key that authenticated it ({@code null} for a JWT). */
    private record Authenticated(AstrocyteContext context, String digest) {
    }

    private Authenticated identify(String apiKey, String authorization) {
        String key = apiKey;
        if ((key == null || key.isBlank()) && authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            key = authorization.substring(7).trim();
            if (jwt != null && key.chars().filter(c -> c == '.').count() == 2) {
                try {
                    return new Authenticated(io.astrocyte.identity.JwtClaims.context(jwt.decode(key).getClaims()),
                            null);
                } catch (org.springframework.security.oauth2.jwt.JwtException e) {
                    throw new AuthorizationException("invalid bearer token");
                }
            }
        }
        if (key == null || key.isBlank()) {
            throw new AuthorizationException("no credentials: send X-Api-Key");
        }
        String digest = sha256(key);
        String principal = principalByDigest.get(digest);
        if (principal == null) {
            throw new AuthorizationException("unknown API key");
        }
        return new Authenticated(AstrocyteContext.of(principal), digest);
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
