package io.astrocyte.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import io.astrocyte.Astrocyte;
import io.astrocyte.AstrocyteException;
import io.astrocyte.api.MemoryHit;
import io.astrocyte.api.RecallRequest;
import io.astrocyte.api.RetainRequest;
import io.astrocyte.api.RetainResult;
import io.astrocyte.embedding.HashingEmbedder;
import io.astrocyte.identity.AstrocyteContext;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Generated hostile metadata through the facade on the real embedded store: keys that are huge, empty,
 * full of control characters or look like injection, values that are NaN, infinite, huge, nested or not
 * data at all, and thousands of keys. Each retain is stored (sanitized) or refused with an
 * {@link AstrocyteException}; nothing else escapes, and afterwards the store reopens and recalls cleanly.
 */
class HostileMetadataTest {

    private static final AstrocyteContext USER = AstrocyteContext.of("user:mallory");
    private static final String[] KEYS = {"", " ", "\u0000", "a\nb", "__proto__", "$where", "../../etc", "k".repeat(10_000),
        "metadata.nested.key", "session_id", "💥", "api_key", "ORIGINAL_ID", "\uD800"};
    private static final Object[] VALUES = {Double.NaN, Double.POSITIVE_INFINITY, -0.0, Long.MAX_VALUE, Long.MIN_VALUE,
        "v".repeat(1_000_000), "", null, true, "\u0000\u001b[31m", Map.of("nested", 1), List.of(1, 2), new Object(),
        new int[] {1}, 3.5f, (byte) 7, new StringBuilder("sb"), java.math.BigDecimal.ONE.scaleByPowerOfTen(400)};

    @TempDir
    Path dir;

    @Test
    void hostileMetadataIsStoredSanitizedOrRefusedWithATypedError() {
        Random random = new Random(42);
        int stored = 0;
        int refused = 0;
        try (Astrocyte brain = Astrocyte.builder().dataDirectory(dir).embedder(new HashingEmbedder(64)).build()) {
            for (int n = 0; n < 300; n++) {
                Map<String, Object> metadata = new HashMap<>();
                int keys = random.nextInt(20) == 0 ? 5_000 : 1 + random.nextInt(4);
                for (int k = 0; k < keys; k++) {
                    String key = random.nextInt(3) == 0 ? "k" + k : KEYS[random.nextInt(KEYS.length)] + k;
                    metadata.put(key, VALUES[random.nextInt(VALUES.length)]);
                }
                try {
                    RetainResult r = brain.retain(RetainRequest.builder("user-mallory", "memory " + n)
                            .metadata(metadata).build(), USER);
                    stored += r.stored() ? 1 : 0;
                } catch (AstrocyteException e) {
                    assertThat(e.getMessage()).isNotBlank();
                    refused++;
                } catch (RuntimeException e) {
                    throw new AssertionError("retain " + n + " escaped with " + e, e);
                }
            }
            assertThat(stored).as("some hostile metadata is sanitized and stored").isPositive();
            assertThat(refused).as("some is refused by name").isPositive();
        }
        try (Astrocyte reopened = Astrocyte.builder().dataDirectory(dir).embedder(new HashingEmbedder(64)).build()) {
            List<MemoryHit> hits = reopened.recall(RecallRequest.builder("memory").bankId("user-mallory")
                    .maxResults(50).build(), USER).hits();
            assertThat(hits).isNotEmpty().allSatisfy(h -> assertThat(h.metadata()).isNotNull());
            assertThat(reopened.memoryCount("user-mallory", USER)).isEqualTo(stored);
        }
    }
}
