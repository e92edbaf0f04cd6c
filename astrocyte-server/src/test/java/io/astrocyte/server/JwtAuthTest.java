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
}
