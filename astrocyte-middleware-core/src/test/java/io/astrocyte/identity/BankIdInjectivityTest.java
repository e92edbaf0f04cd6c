package io.astrocyte.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.astrocyte.Astrocyte;
import io.astrocyte.api.BankIds;
import io.astrocyte.api.RecallRequest;
import io.astrocyte.api.RetainRequest;
import io.astrocyte.embedding.HashingEmbedder;
import io.astrocyte.store.memory.InMemoryVectorStore;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Property test: deriving a bank from an identity is one-to-one. Ids are drawn at random from the
 * characters that make collisions likely (the bank-id alphabet, {@code _} and {@code :}, spaces and
 * punctuation, accented and CJK letters, emoji, lone surrogates), and each result is checked to be a
 * valid bank id that decodes back to exactly the id it came from, which no two different ids can share.
 */
class BankIdInjectivityTest {

    private static final String[] POOLS = {
        "abcxyzABC019", "._@-", "_:", " \t/\\*?#%+=~!$&'()[]{}<>|\"", "éèüñçÅßø", "张伟李娜日本語", "😀🚀👩‍💻",
    };

    static LongStream seeds() {
        return LongStream.range(0, 20);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void randomUnicodeIdsNeverShareABank(long seed) {
        Random random = new Random(seed);
        Map<String, String> byBank = new HashMap<>();
        for (int n = 0; n < 5_000; n++) {
            String id = randomId(random);
            String bank = BankResolver.derive("user-", id);
            assertThat(BankIds.isValid(bank)).as("valid bank for %s", id).isTrue();
            assertThat(decode(bank.substring("user-".length()))).as("decodes back").isEqualTo(id);
            String earlier = byBank.putIfAbsent(bank, id);
            assertThat(earlier == null || earlier.equals(id)).as("%s and %s share %s", earlier, id, bank).isTrue();
        }
    }

    @Test
    void theCollisionsFoundInReviewAreGone() {
        assertThat(BankResolver.derive("user-", "jo smith")).isEqualTo("user-jo:20smith");
        assertThat(BankResolver.derive("user-", "jo_smith")).isEqualTo("user-jo_smith");
        assertThat(BankResolver.derive("user-", "jo:smith")).isEqualTo("user-jo:3asmith");
        assertThat(BankResolver.derive("user-", "jo:3asmith")).isEqualTo("user-jo:3a3asmith");
        assertThat(BankResolver.derive("user-", "José")).isEqualTo("user-Jos:c3:a9");
        assertThat(BankResolver.derive("user-", "\uD800")).isNotEqualTo(BankResolver.derive("user-", "\uDBFF"))
                .isNotEqualTo(BankResolver.derive("user-", "?"));
    }

    @Test
    void conversationIdsAsUsersKeepLookAlikeUsersApart() {
        MemoryBindingResolver users = MemoryBindingResolver.conversationIdAsUser("user-");
        try (Astrocyte brain = Astrocyte.builder().vectorStore(new InMemoryVectorStore())
                .embedder(new HashingEmbedder(64)).build()) {
            ResolvedMemoryBinding spaced = users.resolve(new MemoryBindingRequest("jo smith", Map.of())).orElseThrow();
            ResolvedMemoryBinding underscored = users.resolve(new MemoryBindingRequest("jo_smith", Map.of()))
                    .orElseThrow();
            assertThat(spaced.defaultBank()).isNotEqualTo(underscored.defaultBank());
            brain.retain(RetainRequest.of(spaced.defaultBank(), "My PIN hint is the name of my first dog"),
                    spaced.context());
            assertThat(brain.recall(RecallRequest.of(underscored.defaultBank(), "PIN hint"), underscored.context())
                    .hits()).isEmpty();
        }
    }

    @Test
    void ordinaryIdsKeepTheirReadableBanks() {
        for (String id : new String[] {"alice", "jo_smith", "a.b@example.com", "3f2a9c1e-77b0-4c3e-9d7a-1b2c3d4e5f60"}) {
            assertThat(BankResolver.derive("user-", id)).isEqualTo("user-" + id);
        }
    }

    private static String randomId(Random random) {
        int length = 1 + random.nextInt(random.nextInt(10) == 0 ? 40 : 8);
        StringBuilder s = new StringBuilder();
        while (s.length() < length) {
            if (random.nextInt(50) == 0) {
                s.append((char) (0xD800 + random.nextInt(0x800)));
                continue;
            }
            String pool = POOLS[random.nextInt(POOLS.length)];
            int at = pool.offsetByCodePoints(0, random.nextInt(pool.codePointCount(0, pool.length())));
            s.appendCodePoint(pool.codePointAt(at));
        }
        return s.toString();
    }

    /** The inverse of {@link BankResolver#encode}, written here to show the encoding loses nothing. */
    private static String decode(String encoded) {
        StringBuilder out = new StringBuilder();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c == ':') {
                bytes.write(Integer.parseInt(encoded.substring(i + 1, i + 3), 16));
                i += 2;
                continue;
            }
            flush(bytes, out);
            out.append(c);
        }
        flush(bytes, out);
        return out.toString();
    }

    private static void flush(ByteArrayOutputStream bytes, StringBuilder out) {
        byte[] b = bytes.toByteArray();
        bytes.reset();
        for (int i = 0; i < b.length; ) {
            // Lone surrogates were escaped as the three bytes ED A0..BF xx, which UTF-8 never produces.
            if ((b[i] & 0xFF) == 0xED && (b[i + 1] & 0xE0) == 0xA0) {
                out.append((char) (((b[i] & 0x0F) << 12) | ((b[i + 1] & 0x3F) << 6) | (b[i + 2] & 0x3F)));
                i += 3;
                continue;
            }
            int len = (b[i] & 0x80) == 0 ? 1 : (b[i] & 0xE0) == 0xC0 ? 2 : (b[i] & 0xF0) == 0xE0 ? 3 : 4;
            out.append(new String(b, i, len, StandardCharsets.UTF_8));
            i += len;
        }
    }
}
