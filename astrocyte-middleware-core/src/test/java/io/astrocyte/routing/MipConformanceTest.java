package io.astrocyte.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.astrocyte.ConfigException;
import io.astrocyte.MipRoutingException;
import io.astrocyte.MutableTestClock;
import io.astrocyte.api.RoutingDecision;
import io.astrocyte.spi.Completion;
import io.astrocyte.spi.CompletionRequest;
import io.astrocyte.spi.LlmProvider;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The upstream project's MIP cases (src/test/resources/mip): a {@code mip.yaml} written for upstream routes the
 * same here: loading (and its errors), matching, routing, per-bank lookups, and the cases asserted through retain and
 * forget, which run through the facade over a real in-memory store.
 */
class MipConformanceTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper VIEW = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).registerModule(new JavaTimeModule());
    private static final Map<String, String> ENV = Map.of("MIP_TEST_SOURCE", "test-agent", "MIP_TEST_BANK", "test-bank");

    static Stream<Arguments> cases() throws Exception {
        try (InputStream in = MipConformanceTest.class.getResourceAsStream("/mip/upstream-cases.json")) {
            JsonNode all = JSON.readTree(in);
            List<Arguments> out = new ArrayList<>();
            all.forEach(c -> out.add(Arguments.of(c.get("id").asText(), c)));
            return out.stream();
        }
    }

    private static MipConfig load(JsonNode c) {
        return new MipLoader(ENV::get).parse(c.path("mip_yaml").asText(""), c.get("id").asText());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void routesLikeUpstream(String id, JsonNode c) throws Exception {
        switch (c.get("kind").asText()) {
            case "load_error" -> assertThatThrownBy(() -> load(c)).isInstanceOf(ConfigException.class)
                    .satisfies(e -> assertThat(Pattern.compile(c.get("expect_load_error").get("match").asText(),
                            Pattern.CASE_INSENSITIVE).matcher(e.getMessage()).find())
                            .as("%s: %s", c.get("expect_load_error").get("gist").asText(), e.getMessage()).isTrue());
            case "load_ok" -> {
                JsonNode view = VIEW.valueToTree(load(c));
                Iterator<Map.Entry<String, JsonNode>> it = c.path("expect_config").fields();
                while (it.hasNext()) {
                    Map.Entry<String, JsonNode> e = it.next();
                    JsonNode actual = at(view, e.getKey());
                    if (e.getValue().isObject() && e.getValue().has("not_null")) {
                        assertThat(actual == null || actual.isNull()).as(e.getKey()).isFalse();
                    } else {
                        assertSame(e.getKey(), actual, e.getValue());
                    }
                }
            }
            case "evaluate" -> {
                List<String> matched = router(c).matchingRules(input(c.get("input")));
                if (c.get("expect").has("matched_rules")) {
                    assertThat(matched).containsExactlyElementsOf(strings(c.get("expect").get("matched_rules")));
                } else {
                    assertThat(matched.get(0)).isEqualTo(c.get("expect").get("top_match").asText());
                }
            }
            case "route" -> route(c);
            case "forget_runtime" -> forgetRuntime(c);
            case "bank_pipeline_lookup", "bank_forget_lookup" -> {
                MipConfig config = load(c);
                boolean pipeline = c.get("kind").asText().equals("bank_pipeline_lookup");
                for (JsonNode lookup : c.get("lookups")) {
                    String bank = lookup.get("bank_id").asText();
                    var found = pipeline ? config.pipelineFor(bank, Instant.now()).map(l -> (MipConfig.Lookup<?>) l)
                            : config.forgetFor(bank, Instant.now()).map(l -> (MipConfig.Lookup<?>) l);
                    JsonNode expect = lookup.get("expect");
                    String key = pipeline ? "pipeline" : "forget";
                    if (expect.has(key) && expect.get(key).isNull()) {
                        assertThat(found).as(bank).isEmpty();
                        continue;
                    }
                    assertThat(found).as(bank).isPresent();
                    if (expect.has("from_rule")) {
                        assertThat(found.get().fromRule()).isEqualTo(expect.get("from_rule").asText());
                    }
                    assertPartial(key, VIEW.valueToTree(found.get().value()), expect.get(key));
                }
            }
            default -> throw new AssertionError("unknown case kind " + c.get("kind").asText());
        }
    }

    private static void route(JsonNode c) throws Exception {
        JsonNode expect = c.get("expect");
        if (expect.has("retain")) {
            retainThrough(c, expect.get("retain"));
            return;
        }
        MipRouter router = router(c);
        MipInput input = input(c.get("input"));
        if (expect.hasNonNull("error")) {
            assertThatThrownBy(() -> router.route(input)).isInstanceOf(MipRoutingException.class)
                    .hasMessageContaining(expect.get("error").get("message_contains").asText());
            return;
        }
        RoutingDecision d = router.route(input);
        JsonNode view = VIEW.valueToTree(d);
        for (Iterator<Map.Entry<String, JsonNode>> it = expect.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            switch (e.getKey()) {
                case "error" -> { }
                case "resolved_by" -> assertThat(d.resolvedBy().name().toLowerCase()).isEqualTo(e.getValue().asText());
                case "shadow_match_logged" -> assertThat(d.shadowMatches().isEmpty()).isEqualTo(!e.getValue().asBoolean());
                case "pipeline", "forget" -> assertPartial(e.getKey(), view.get(e.getKey()), e.getValue());
                default -> assertSame(e.getKey(), view.get(e.getKey()), e.getValue());
            }
        }
    }

    /** A case asserted through retain: the decision's bank replaces the requested one, reject refuses storage. */
    private static void retainThrough(JsonNode c, JsonNode expect) throws Exception {
        io.astrocyte.store.memory.InMemoryVectorStore store = new io.astrocyte.store.memory.InMemoryVectorStore();
        io.astrocyte.identity.AstrocyteContext agent = io.astrocyte.identity.AstrocyteContext.of("agent:pipeline");
        try (io.astrocyte.Astrocyte brain = io.astrocyte.Astrocyte.builder().vectorStore(store)
                .embedder(new io.astrocyte.embedding.HashingEmbedder(64)).mipConfig(load(c))
                .governanceStore(new io.astrocyte.store.memory.InMemoryGovernanceStore())
                .config(io.astrocyte.config.ConfigLoader.withSystemEnvironment().fromMap(Map.of("access_grants",
                        List.of(Map.of("bank_id", "*", "principal", agent.principal(),
                                "permissions", List.of("read", "write")))))).build()) {
            io.astrocyte.api.RetainResult r = brain.retain(MipRetainPathTest.request(c.get("input")), agent);
            if (expect.has("stored")) {
                assertThat(r.stored()).isEqualTo(expect.get("stored").asBoolean());
            }
            if (expect.has("error_contains")) {
                assertThat(r.error()).contains(expect.get("error_contains").asText());
            }
            if (expect.has("stored_bank")) {
                assertThat(store.count(expect.get("stored_bank").asText(), io.astrocyte.spi.VectorFilters.none()))
                        .isPositive();
            }
            if (expect.has("not_in_bank")) {
                assertThat(store.count(expect.get("not_in_bank").asText(), io.astrocyte.spi.VectorFilters.none()))
                        .isZero();
            }
        }
    }

    /** A forget in a bank whose rule carries a forget spec, through the facade over a real in-memory store. */
    private static void forgetRuntime(JsonNode c) throws Exception {
        JsonNode sc = c.get("scenario");
        JsonNode expect = c.get("expect");
        String bank = sc.get("bank_id").asText();
        MutableTestClock clock = new MutableTestClock(Instant.parse("2026-06-01T00:00:00Z"));
        io.astrocyte.store.memory.InMemoryVectorStore store = new io.astrocyte.store.memory.InMemoryVectorStore();
        io.astrocyte.identity.AstrocyteContext actor = io.astrocyte.identity.AstrocyteContext.of(
                sc.path("context_principal").asText("user:test"));
        var builder = io.astrocyte.Astrocyte.builder().vectorStore(store)
                .embedder(new io.astrocyte.embedding.HashingEmbedder(64)).clock(clock)
                .governanceStore(new io.astrocyte.store.memory.InMemoryGovernanceStore())
                .config(io.astrocyte.config.ConfigLoader.withSystemEnvironment().fromMap(Map.of("access_grants",
                        List.of(Map.of("bank_id", "*", "principal", actor.principal(),
                                "permissions", List.of("read", "write", "forget", "admin"))))));
        if (!sc.has("mip_config") || !sc.get("mip_config").isNull()) {
            builder.mipConfig(load(c));
        }
        List<String> ids = new ArrayList<>();
        if (sc.has("memory_ids_count")) {
            for (int i = 0; i < sc.get("memory_ids_count").asInt(); i++) {
                ids.add(sc.get("memory_ids_all_equal_to").asText());
            }
        } else {
            sc.get("memory_ids").forEach(x -> ids.add(x.asText()));
        }
        for (JsonNode rec : sc.path("existing_records")) {
            Instant retained = clock.instant().minus(java.time.Duration.ofDays(rec.path("age_days").asLong(0)));
            String text = rec.path("text").asText("a memory");
            store.storeVectors(List.of(new io.astrocyte.spi.VectorItem(rec.get("id").asText(), bank,
                    new io.astrocyte.embedding.HashingEmbedder(64).embed(text), text, null, null, null, null, "fact",
                    retained, rec.get("id").asText() + "#0", null, null)));
        }
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        java.io.PrintStream original = System.err;
        try (io.astrocyte.Astrocyte brain = builder.build()) {
            if (sc.hasNonNull("legal_hold")) {
                brain.setLegalHold(bank, sc.get("legal_hold").get("id").asText(), sc.get("legal_hold").get("reason")
                        .asText(), actor);
            }
            io.astrocyte.api.ForgetRequest request = io.astrocyte.api.ForgetRequest.byIds(bank, ids);
            if (sc.path("compliance").asBoolean()) {
                request = request.asCompliance(sc.path("reason").asText("compliance"));
            }
            io.astrocyte.api.ForgetRequest forget = request;
            if (expect.hasNonNull("error")) {
                assertThatThrownBy(() -> brain.forget(forget, actor)).isInstanceOf(MipRoutingException.class)
                        .hasMessageContaining(expect.get("error").get("message_contains").asText());
                return;
            }
            System.setErr(new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8));
            List<Integer> counts = new ArrayList<>();
            for (int i = 0; i < sc.path("repeat").asInt(1); i++) {
                counts.add(brain.forget(forget, actor).deletedCount());
            }
            if (expect.has("deleted_count")) {
                assertThat(counts.get(0)).isEqualTo(expect.get("deleted_count").asInt());
            }
            if (expect.has("deleted_count_per_call")) {
                List<Integer> wanted = new ArrayList<>();
                expect.get("deleted_count_per_call").forEach(x -> wanted.add(x.asInt()));
                assertThat(counts).isEqualTo(wanted);
            }
        } finally {
            System.setErr(original);
        }
        String log = err.toString(java.nio.charset.StandardCharsets.UTF_8);
        if (expect.has("audit_log_event")) {
            assertThat(log).contains(expect.get("audit_log_event").asText());
        }
        if (expect.has("audit_log_contains")) {
            assertThat(log).contains(expect.get("audit_log_contains").asText());
        }
    }

    private static MipRouter router(JsonNode c) {
        LlmProvider llm = null;
        if (c.path("needs_llm").asBoolean()) {
            String answer = c.get("llm_stub").get("returns_text").asText();
            llm = new LlmProvider() { // a deterministic stand-in for the model the upstream test supplied
                @Override
                public String name() {
                    return "stub-llm";
                }

                @Override
                public Completion complete(CompletionRequest request) {
                    return new Completion(answer, "stub", null);
                }
            };
        }
        return new MipRouter(load(c), llm, new MutableTestClock(Instant.parse("2026-06-01T00:00:00Z")));
    }

    static MipInput input(JsonNode in) {
        Map<String, Object> metadata = in.hasNonNull("metadata") ? JSON.convertValue(in.get("metadata"),
                JSON.getTypeFactory().constructMapType(LinkedHashMap.class, String.class, Object.class)) : Map.of();
        Map<String, Double> signals = new LinkedHashMap<>();
        in.path("signals").fields().forEachRemaining(e -> signals.put(e.getKey(), e.getValue().asDouble()));
        MipInput.Principal principal = null;
        JsonNode p = in.get("principal");
        if (p != null && !p.isNull()) {
            principal = new MipInput.Principal(text(p, "type"), text(p, "id"), text(p, "upn"), text(p, "app_id"));
        }
        return new MipInput(in.path("content").asText(""), text(in, "content_type"), text(in, "source"),
                in.path("pii_detected").asBoolean(false), strings(in.get("tags")), metadata, signals, principal);
    }

    private static String text(JsonNode n, String key) {
        return n.hasNonNull(key) ? n.get(key).asText() : null;
    }

    private static List<String> strings(JsonNode n) {
        List<String> out = new ArrayList<>();
        if (n != null) {
            n.forEach(x -> out.add(x.asText()));
        }
        return out;
    }

    /** {@code a.b[0].c}, with {@code .length} for the size of a list. */
    private static JsonNode at(JsonNode root, String path) {
        JsonNode n = root;
        for (String part : path.split("\\.")) {
            if (n == null || n.isNull()) {
                return null;
            }
            if (part.equals("length") && n.isArray()) {
                return JSON.getNodeFactory().numberNode(n.size());
            }
            int bracket = part.indexOf('[');
            String key = bracket < 0 ? part : part.substring(0, bracket);
            n = n.get(key);
            while (bracket >= 0 && n != null) {
                int close = part.indexOf(']', bracket);
                n = n.get(Integer.parseInt(part.substring(bracket + 1, close)));
                bracket = part.indexOf('[', close);
            }
        }
        return n;
    }

    private static void assertSame(String what, JsonNode actual, JsonNode expected) {
        if (expected == null || expected.isNull()) {
            assertThat(actual == null || actual.isNull()).as(what + " should be null, is " + actual).isTrue();
        } else if (expected.isNumber()) {
            assertThat(actual).as(what).isNotNull();
            assertThat(actual.asDouble()).as(what).isEqualTo(expected.asDouble());
        } else {
            assertThat(actual).as(what).isEqualTo(expected);
        }
    }

    /** Only the keys the case lists are compared. */
    private static void assertPartial(String what, JsonNode actual, JsonNode expected) {
        if (expected.isObject()) {
            assertThat(actual).as(what).isNotNull();
            expected.fields().forEachRemaining(e -> assertPartial(what + "." + e.getKey(), actual.get(e.getKey()),
                    e.getValue()));
        } else {
            assertSame(what, actual, expected);
        }
    }
}
