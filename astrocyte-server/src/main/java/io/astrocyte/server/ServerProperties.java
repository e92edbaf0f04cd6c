package io.astrocyte.server;

import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code memory-server.*}: who may call the server. Each API key is stored as its SHA-256 (hex), never in clear,
 * and maps to the principal its calls act as; a request's identity comes only from its key, never from its body.
 */
@ConfigurationProperties("memory-server")
public class ServerProperties {

    /** API keys: {@code sha256} of the key and the {@code principal} it authenticates, e.g. {@code user:alice}. */
    private List<ApiKey> apiKeys = new ArrayList<>();

    /**
     * SHA-256 (hex) of the {@code X-Admin-Token} that {@code /v1/admin/*} requires. Unset, admin routes answer only
     * requests from this machine (loopback) and 403 to everyone else.
     */
    private String adminTokenSha256;

    /** The principal admin routes act as; the server grants it every permission on every bank. */
    private String adminPrincipal = "service:memory-server-admin";

    public String getAdminTokenSha256() {
        return adminTokenSha256;
    }

    public void setAdminTokenSha256(String adminTokenSha256) {
        this.adminTokenSha256 = adminTokenSha256;
    }

    public String getAdminPrincipal() {
        return adminPrincipal;
    }

    public void setAdminPrincipal(String adminPrincipal) {
        this.adminPrincipal = adminPrincipal;
    }

    /** Largest request body accepted, in bytes (larger ones get 413). */
    private long maxBodyBytes = 1_048_576;

    /** Requests a minute one client address may make (429 beyond); 0 turns the guard off. */
    private long perIpRequestsPerMinute = 600;

    /** One INFO line per request on {@code astrocyte.server.access}, without bodies or query strings. */
    private boolean accessLog = true;

    public long getPerIpRequestsPerMinute() {
        return perIpRequestsPerMinute;
    }

    public void setPerIpRequestsPerMinute(long perIpRequestsPerMinute) {
        this.perIpRequestsPerMinute = perIpRequestsPerMinute;
    }

    public boolean isAccessLog() {
        return accessLog;
    }

    public void setAccessLog(boolean accessLog) {
        this.accessLog = accessLog;
    }

    /**
     * Folders {@code /v1/export} may write under and {@code /v1/import} may read under; empty means the
     * {@code ASTROCYTE_PORTABILITY_ROOTS} environment variable (and with neither, both refuse every path).
     */
    private List<String> portabilityRoots = new ArrayList<>();

    public List<String> getPortabilityRoots() {
        return portabilityRoots;
    }

    public void setPortabilityRoots(List<String> portabilityRoots) {
        this.portabilityRoots = portabilityRoots;
    }

    private final Jwt jwt = new Jwt();

    public Jwt getJwt() {
        return jwt;
    }

    /**
     * JWT bearer tokens: signed with {@code secret} (HS256, at least 32 bytes) or by a key of {@code jwks-uri}
     * ({@code https:} or {@code file:}); {@code audience} and {@code issuer}, when set, must match. The token's
     * claims name the principal (a user by {@code oid}/{@code sub}, an application by {@code appid}/{@code azp}).
     */
    public static class Jwt {
        private String secret;
        private String jwksUri;
        private String audience;
        private String issuer;

        public String getSecret() {
            return secret;
        }

        public void setSecret(String secret) {
            this.secret = secret;
        }

        public String getJwksUri() {
            return jwksUri;
        }

        public void setJwksUri(String jwksUri) {
            this.jwksUri = jwksUri;
        }

        public String getAudience() {
            return audience;
        }

        public void setAudience(String audience) {
            this.audience = audience;
        }

        public String getIssuer() {
            return issuer;
        }

        public void setIssuer(String issuer) {
            this.issuer = issuer;
        }
    }

    public List<ApiKey> getApiKeys() {
        return apiKeys;
    }

    public void setApiKeys(List<ApiKey> apiKeys) {
        this.apiKeys = apiKeys;
    }

    public long getMaxBodyBytes() {
        return maxBodyBytes;
    }

    public void setMaxBodyBytes(long maxBodyBytes) {
        this.maxBodyBytes = maxBodyBytes;
    }

    /** One API key: its SHA-256 in hex and its principal. */
    public static class ApiKey {
        private String sha256;
        private String principal;
        private List<String> onBehalfOf = new ArrayList<>();

        /** Principals (globs such as {@code user:*}) this key may act for through {@code X-On-Behalf-Of}. */
        public List<String> getOnBehalfOf() {
            return onBehalfOf;
        }

        public void setOnBehalfOf(List<String> onBehalfOf) {
            this.onBehalfOf = onBehalfOf;
        }

        public String getSha256() {
            return sha256;
        }

        public void setSha256(String sha256) {
            this.sha256 = sha256;
        }

        public String getPrincipal() {
            return principal;
        }

        public void setPrincipal(String principal) {
            this.principal = principal;
        }
    }
}
