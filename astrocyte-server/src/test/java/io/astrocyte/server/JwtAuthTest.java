package io.astrocyte.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The auth matrix with JWT bearer tokens: none, forged, expired, wrong audience, valid, and another user's bank. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JwtAuthTest {

    private static final String SECRET = "a-test-secret-of-at-least-32-bytes!!";

    /** Static, so that it exists before {@code @BeforeAll} starts the server (a per-class instance field is not). */
    @TempDir
    static Path dir;

    private TestServer server;
    private final HttpClient http = HttpClient.newHttpClient();
    private String base;

    @BeforeAll
    void start() {
        server = new TestServer(dir, "memory-server.jwt.secret=" + SECRET, "memory-server.jwt.audience=astrocyte");
        base = server.base;
    }

    @AfterAll
    void stop() {
        server.close();
    }

    private static String token(String secret, String sub, String audience, Instant expires) throws Exception {
        JWTClaimsSet claims = new JWTClaimsSet.Builder().subject(sub).claim("preferred_username", sub + "@example.com")
                .audience(audience).issueTime(new Date()).expirationTime(Date.from(expires)).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        jwt.sign(new MACSigner(secret.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        return jwt.serialize();
    }

    private HttpResponse<String> retain(String bearer, String bank, String text) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + "/v1/retain"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"bank_id\":\"" + bank + "\",\"content\":\"" + text + "\"}"));
        if (bearer != null) {
            b.header("Authorization", "Bearer " + bearer);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void onlyAValidTokenForTheRightAudienceActsAndOnlyOnItsOwnBanks() throws Exception {
        Instant later = Instant.now().plusSeconds(600);
        assertThat(retain(null, "user-alice", "a note").statusCode()).isEqualTo(401);
        assertThat(retain(token("another-secret-of-at-least-32-bytes!", "alice", "astrocyte", later), "user-alice",
                "a note").statusCode()).as("forged").isEqualTo(401);
        assertThat(retain(token(SECRET, "alice", "astrocyte", Instant.now().minusSeconds(600)), "user-alice",
                "a note").statusCode()).as("expired").isEqualTo(401);
        assertThat(retain(token(SECRET, "alice", "someone-else", later), "user-alice", "a note").statusCode())
                .as("wrong audience").isEqualTo(401);
        HttpResponse<String> ok = retain(token(SECRET, "alice", "astrocyte", later), "user-alice",
                "Alice keeps the spare key under the mat");
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
        HttpResponse<String> bob = retain(token(SECRET, "bob", "astrocyte", later), "user-alice", "Bob was here");
        assertThat(bob.statusCode()).as("another user's bank").isEqualTo(403);
        assertThat(bob.body()).doesNotContain("spare key");
    }

    @Test
    void rsaTokensAreCheckedAgainstAJwkSetFromAFileOrAUrl() throws Exception {
        com.nimbusds.jose.jwk.RSAKey key = new com.nimbusds.jose.jwk.gen.RSAKeyGenerator(2048).keyID("k1").generate();
        com.nimbusds.jose.jwk.RSAKey other = new com.nimbusds.jose.jwk.gen.RSAKeyGenerator(2048).keyID("k1").generate();
        String jwks = new com.nimbusds.jose.jwk.JWKSet(key.toPublicJWK()).toString();
        Path file = dir.resolve("jwks.json");
        java.nio.file.Files.writeString(file, jwks);
        com.sun.net.httpserver.HttpServer idp = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        idp.createContext("/jwks.json", ex -> {
            byte[] b = jwks.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.sendResponseHeaders(200, b.length);
            ex.getResponseBody().write(b);
            ex.close();
        });
        idp.start();
        try {
            for (String uri : java.util.List.of(file.toUri().toString(),
                    "http://127.0.0.1:" + idp.getAddress().getPort() + "/jwks.json")) {
                try (TestServer s = new TestServer(dir.resolve("rsa-" + uri.hashCode()), "memory-server.jwt.jwks-uri="
                        + uri, "memory-server.jwt.audience=astrocyte")) {
                    String good = rsaToken(key, "carol");
                    String forged = rsaToken(other, "carol");
                    HttpResponse<String> ok = retainAt(s, good, "user-carol");
                    assertThat(ok.statusCode()).as(uri + " " + ok.body()).isEqualTo(200);
                    assertThat(retainAt(s, forged, "user-carol").statusCode()).as(uri + " forged").isEqualTo(401);
                    assertThat(retainAt(s, good, "user-alice").statusCode()).as(uri).isEqualTo(403);
                }
            }
        } finally {
            idp.stop(0);
        }
    }

    private static String rsaToken(com.nimbusds.jose.jwk.RSAKey key, String sub) throws Exception {
        JWTClaimsSet claims = new JWTClaimsSet.Builder().subject(sub).claim("preferred_username", sub + "@example.com")
                .audience("astrocyte").issueTime(new Date())
                .expirationTime(Date.from(Instant.now().plusSeconds(600))).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
        jwt.sign(new com.nimbusds.jose.crypto.RSASSASigner(key));
        return jwt.serialize();
    }

    private HttpResponse<String> retainAt(TestServer s, String bearer, String bank) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(s.base + "/v1/retain"))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + bearer)
                .POST(HttpRequest.BodyPublishers.ofString("{\"bank_id\":\"" + bank + "\",\"content\":\"a note\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
    }
}
