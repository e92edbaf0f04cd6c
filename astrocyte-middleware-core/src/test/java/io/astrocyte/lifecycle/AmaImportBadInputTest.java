package io.astrocyte.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.astrocyte.Astrocyte;
import io.astrocyte.AstrocyteException;
import io.astrocyte.api.ExportRequest;
import io.astrocyte.api.ImportRequest;
import io.astrocyte.api.RetainRequest;
import io.astrocyte.config.ConfigLoader;
import io.astrocyte.embedding.HashingEmbedder;
import io.astrocyte.identity.AstrocyteContext;
import io.astrocyte.spi.VectorFilters;
import io.astrocyte.spi.VectorItem;
import io.astrocyte.store.memory.InMemoryGovernanceStore;
import io.astrocyte.store.memory.InMemoryVectorStore;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Generated bad AMA files: a real export of 30 memories, mutated at random (truncated lines, wrong field
 * types, duplicate ids, a 10 MB line, a bank id that differs from the header, broken headers, a memory
 * the retain path refuses halfway through the file). An import either succeeds or throws an
 * {@link AstrocyteException} that names the problem, and a failed import leaves the target bank exactly
 * as it was: the same memories, with the same text and the same forgotten state.
 */
class AmaImportBadInputTest {

    private static final AstrocyteContext ADMIN = AstrocyteContext.of("user:admin");
    private static final ObjectMapper JSON = new ObjectMapper();

    private Astrocyte brain;
    private InMemoryVectorStore store;
    private List<String> exported;

    @BeforeEach
    void seed() {
        store = new InMemoryVectorStore();
        brain = Astrocyte.builder().vectorStore(store).embedder(new HashingEmbedder(64))
                .governanceStore(new InMemoryGovernanceStore())
                .config(new ConfigLoader(k -> null).fromMap(Map.of("access_grants", List.of(Map.of("bank_id", "*",
                        "principal", "user:admin", "permissions", List.of("read", "write", "forget", "admin"))))))
                .build();
        for (int i = 0; i < 30; i++) {
            brain.retain(RetainRequest.builder("source", "Memory number " + i + " about topic " + (i * 7 % 11))
                    .tags("t" + (i % 3)).metadata(Map.of("n", i, "kind", "seed")).build(), ADMIN);
        }
        for (int i = 0; i < 5; i++) {
            brain.retain(RetainRequest.of("target", "Existing memory " + i + " of the target bank"), ADMIN);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        brain.exportBank(ExportRequest.of("source"), out, ADMIN);
        exported = new ArrayList<>(out.toString(StandardCharsets.UTF_8).lines().toList());
    }

    @AfterEach
    void close() {
        brain.close();
    }

    static LongStream seeds() {
        return LongStream.range(0, 60);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void aBadFileIsRefusedByNameAndLeavesTheBankAsItWas(long seed) throws Exception {
        Random random = new Random(seed);
        List<String> lines = new ArrayList<>(exported);
        String mutation = mutate(lines, random);
        String before = snapshot();
        byte[] file = String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
        ImportRequest request = ImportRequest.of("target")
                .onConflict(random.nextBoolean() ? ImportRequest.OnConflict.SKIP : ImportRequest.OnConflict.OVERWRITE);
        try {
            brain.importBank(request, new ByteArrayInputStream(file), ADMIN);
        } catch (AstrocyteException e) {
            assertThat(e.getMessage()).as(mutation).isNotBlank().containsAnyOf("line ", "header", "first line");
            assertThat(snapshot()).as("bank unchanged after a failed import (%s)", mutation).isEqualTo(before);
            return;
        }
        assertThat(mutation).as("only harmless mutations import").startsWith("harmless");
    }

    /** Applies one random mutation and says which. */
    private static String mutate(List<String> lines, Random random) throws Exception {
        int at = 1 + random.nextInt(lines.size() - 1);
        String line = lines.get(at);
        switch (random.nextInt(11)) {
            case 0 -> {
                lines.set(at, line.substring(0, 1 + random.nextInt(line.length() - 1)));
                return "truncated line " + (at + 1);
            }
            case 1 -> {
                ObjectNode m = (ObjectNode) JSON.readTree(line);
                String field = List.of("id", "text", "tags", "metadata", "occurred_at", "fact_type", "source")
                        .get(random.nextInt(7));
                Object[] wrong = {List.of(1, 2), Map.of("x", List.of()), 3.5, true, List.of(Map.of())};
                m.set(field, JSON.valueToTree(wrong[random.nextInt(wrong.length)]));
                if (field.equals("text") || field.equals("id")) {
                    m.set(field, JSON.valueToTree(List.of("not", "a", "string")));
                }
                lines.set(at, m.toString());
                return "wrong type for " + field + " on line " + (at + 1);
            }
            case 2 -> {
                lines.add(1 + random.nextInt(lines.size() - 1), line);
                return "duplicate id of line " + (at + 1);
            }
            case 3 -> {
                ObjectNode m = (ObjectNode) JSON.readTree(line);
                m.put("text", "x".repeat(10 * 1024 * 1024));
                lines.set(at, m.toString());
                return "10 MB line " + (at + 1);
            }
            case 4 -> {
                ObjectNode m = (ObjectNode) JSON.readTree(line);
                m.put("bank_id", "someone-else");
                lines.set(at, m.toString());
                return "bank_id differs from the header on line " + (at + 1);
            }
            case 5 -> {
                lines.set(0, List.of("", "{}", "not json", "{\"_ama_version\":\"1\"}", "{\"_ama_version\":7}", "[1,2]")
                        .get(random.nextInt(6)));
                return "bad header";
            }
            case 6 -> {
                ObjectNode m = (ObjectNode) JSON.readTree(line);
                m.put("text", "y".repeat(60_000)); // over the default 50,000-character limit: refused while writing
                lines.set(at, m.toString());
                return "refused by the retain path on line " + (at + 1);
            }
            case 7 -> {
                ObjectNode m = (ObjectNode) JSON.readTree(line);
                m.set("metadata", JSON.valueToTree(Map.of("nested", Map.of("deep", 1))));
                lines.set(at, m.toString());
                return "nested metadata on line " + (at + 1);
            }
            case 8 -> {
                ObjectNode m = (ObjectNode) JSON.readTree(line);
                m.put("occurred_at", List.of("yesterday", "2026-13-45T00:00:00Z", "12/03/2026", "").get(random.nextInt(4)));
                lines.set(at, m.toString());
                return "bad time on line " + (at + 1);
            }
            case 9 -> {
                lines.set(at, List.of("[1,2,3]", "42", "\"just a string\"", "null", "{\"id\":", "\u0000\u0001")
                        .get(random.nextInt(6)));
                return "not an object on line " + (at + 1);
            }
            default -> {
                ObjectNode m = (ObjectNode) JSON.readTree(line);
                m.remove(random.nextBoolean() ? "id" : "text");
                lines.set(at, m.toString());
                return "harmless: line " + (at + 1) + " without id or text is skipped";
            }
        }
    }

    /** Every memory of the target bank, forgotten ones included, with its text and forgotten state. */
    private String snapshot() {
        TreeSet<String> rows = new TreeSet<>();
        for (VectorItem i : store.listVectors("target", null, 100_000, VectorFilters.none().withIncludeForgotten(true))) {
            rows.add(i.id() + "|" + i.text() + "|" + (i.forgottenAt() != null));
        }
        return String.join("\n", rows);
    }
}
