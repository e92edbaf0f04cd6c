package io.astrocyte.mip;

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
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The upstream project's MIP cases (src/test/resources/mip): a {@code mip.yaml} written for upstream routes the
 * same here. Cases that go through the retain or forget path run in {@code MipRetainPathTest} instead.
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
            default -> Assumptions.abort(c.get("kind").asText() + " cases run through the facade in MipRetainPathTest");
        }
    }

    private static void route(JsonNode c) {
        JsonNode expect = c.get("expect");
        if (expect.has("retain")) {
            Assumptions.abort("asserted through retain: MipRetainPathTest");
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
