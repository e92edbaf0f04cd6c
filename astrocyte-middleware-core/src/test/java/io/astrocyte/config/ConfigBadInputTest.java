package io.astrocyte.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.astrocyte.Astrocyte;
import io.astrocyte.ConfigException;
import io.astrocyte.embedding.HashingEmbedder;
import io.astrocyte.store.memory.InMemoryVectorStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Generated bad {@code astrocyte.yaml} files: a full valid file, mutated at random (characters dropped or
 * inserted, lines duplicated or removed, indentation broken, values replaced by other types, unknown keys,
 * truncation). Loading the file and building an instance from it either works or fails with a
 * {@link ConfigException} whose message names where; never with any other exception.
 */
class ConfigBadInputTest {

    private static final String VALID = """
            profile: support
            compliance_profile: gdpr
            homeostasis:
              recall_max_tokens: 2048
              retain_max_content_bytes: 40000
              rate_limits: {retain_per_minute: 60, recall_per_minute: 120}
              quotas: {retain_per_day: 1000}
            barriers:
              pii: {mode: regex, action: redact, countries: [SG, GB], type_overrides: {credit_card: {action: reject}}}
              validation: {max_content_length: 20000, allowed_content_types: [text, conversation]}
              metadata: {blocked_keys: [api_key, password], max_metadata_size_bytes: 4096}
            signal_quality:
              dedup: {enabled: true, similarity_threshold: 0.93, action: skip_chunk}
            escalation:
              circuit_breaker: {failure_threshold: 5, recovery_timeout_seconds: 30}
              degraded_mode: empty_recall
            access_control: {enabled: true, default_policy: owner_only}
            access_grants:
              - {bank_id: "kb-*", principal: "*", permissions: [read]}
            agents:
              support-bot: {banks: [team-support], max_recall_per_minute: 30}
            banks:
              team-support:
                access: [{principal: "team:support", permissions: [read, write]}]
                barriers: {pii: {action: reject}}
            dlp: {scan_reflect_output: true, output_pii_action: redact}
            identity: {auto_resolve_banks: true, user_bank_prefix: "u-"}
            """;
    private static final String[] VALUES = {"-1", "0", "1e309", "\"\"", "[]", "{}", "null", "true", "yes", "\"x\"",
        "[1, [2]]", "{a: {b: {c: 1}}}", "9999999999999999999999", "0.5", "~", "\"${NOT_SET}\"", "&a 1", "*a"};

    @TempDir
    Path dir;

    static LongStream seeds() {
        return LongStream.range(0, 150);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void aMutatedFileLoadsOrFailsWithAConfigError(long seed) throws Exception {
        Random random = new Random(seed);
        String yaml = mutate(VALID, random);
        Path file = dir.resolve("astrocyte.yaml");
        Files.writeString(file, yaml);
        try {
            AstrocyteConfig config = new ConfigLoader(k -> null).load(file);
            try (Astrocyte brain = Astrocyte.builder().config(config).vectorStore(new InMemoryVectorStore())
                    .embedder(new HashingEmbedder(16)).build()) {
                assertThat(brain.config()).isNotNull();
            }
        } catch (ConfigException e) {
            assertThat(e.getMessage()).as("seed %d, file:%n%s", seed, yaml).isNotBlank();
        } catch (RuntimeException e) {
            throw new AssertionError("seed " + seed + ": " + e + " for file:\n" + yaml, e);
        }
    }

    private static String mutate(String yaml, Random random) {
        List<String> lines = new ArrayList<>(Arrays.asList(yaml.split("\n")));
        int rounds = 1 + random.nextInt(3);
        for (int r = 0; r < rounds; r++) {
            int at = random.nextInt(lines.size());
            String line = lines.get(at);
            switch (random.nextInt(8)) {
                case 0 -> lines.set(at, dropChar(line, random));
                case 1 -> lines.set(at, insertChar(line, random));
                case 2 -> lines.add(at, line);
                case 3 -> lines.remove(at);
                case 4 -> lines.set(at, " ".repeat(random.nextInt(5)) + line.strip());
                case 5 -> {
                    int colon = line.indexOf(':');
                    if (colon > 0) {
                        lines.set(at, line.substring(0, colon + 1) + " " + VALUES[random.nextInt(VALUES.length)]);
                    }
                }
                case 6 -> lines.add(at, line.replaceAll("\\S.*", "") + "unknwon_key_" + random.nextInt(9) + ": 1");
                default -> {
                    String all = String.join("\n", lines);
                    return all.substring(0, random.nextInt(all.length()));
                }
            }
            if (lines.isEmpty()) {
                break;
            }
        }
        return String.join("\n", lines);
    }

    private static String dropChar(String line, Random random) {
        if (line.isEmpty()) {
            return line;
        }
        int i = random.nextInt(line.length());
        return line.substring(0, i) + line.substring(i + 1);
    }

    private static String insertChar(String line, Random random) {
        String chars = ":{}[],-&*!|>'\"#%@` \t";
        int i = random.nextInt(line.length() + 1);
        return line.substring(0, i) + chars.charAt(random.nextInt(chars.length())) + line.substring(i);
    }
}
