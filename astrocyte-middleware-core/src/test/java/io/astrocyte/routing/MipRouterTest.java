package io.astrocyte.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.astrocyte.ConfigException;
import io.astrocyte.MipRoutingException;
import io.astrocyte.MutableTestClock;
import io.astrocyte.api.RoutingDecision;
import io.astrocyte.spi.Completion;
import io.astrocyte.spi.CompletionRequest;
import io.astrocyte.spi.LlmProvider;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class MipRouterTest {

    private final MutableTestClock clock = new MutableTestClock(Instant.parse("2026-06-01T00:00:00Z"));

    private MipRouter router(String yaml) {
        return router(yaml, null);
    }

    private MipRouter router(String yaml, LlmProvider llm) {
        return new MipRouter(new MipLoader(k -> null).parse(yaml, "test.yaml"), llm, clock);
    }

    private static MipInput in(String contentType, Map<String, Object> metadata) {
        return new MipInput("some content", contentType, null, false, List.of("a", "b"), metadata,
                Map.of("word_count", 12.0), null);
    }

    private static String oneRule(String match) {
        return "rules:\n- name: r\n  priority: 10\n  match: " + match + "\n  action: {bank: hit}\n";
    }

    private boolean matches(String match, MipInput input) {
        return "r".equals(router(oneRule(match)).route(input).ruleName());
    }

    @Test
    void everyOperatorAndCombinator() {
        MipInput x = in("text", Map.of("n", 5, "s", "five", "flag", true, "nested", Map.of("k", "v")));
        assertThat(matches("{metadata.n: 5}", x)).isTrue();
        assertThat(matches("{metadata.n: 5.0}", x)).as("numbers compare numerically").isTrue();
        assertThat(matches("{metadata.n: '5'}", x)).as("no string/number coercion").isFalse();
        assertThat(matches("{metadata.flag: true}", x)).isTrue();
        assertThat(matches("{metadata.flag: 1}", x)).as("1 is not true").isFalse();
        assertThat(matches("{metadata.s: {in: [four, five]}}", x)).isTrue();
        assertThat(matches("{metadata.n: {gt: 4, lt: 6}}", x)).as("both bounds honoured").isTrue();
        assertThat(matches("{metadata.n: {gte: 5, lte: 4}}", x)).isFalse();
        assertThat(matches("{metadata.s: {gt: 1}}", x)).as("a string is not greater than a number").isFalse();
        assertThat(matches("{metadata.nested.k: v}", x)).as("dotted path into a map").isTrue();
        assertThat(matches("{metadata.missing: absent}", x)).isTrue();
        assertThat(matches("{metadata.missing: {present: true}}", x)).isFalse();
        assertThat(matches("{tags: b}", x)).as("eq on tags: has this tag").isTrue();
        assertThat(matches("{tags: {in: [z, a]}}", x)).isTrue();
        assertThat(matches("{tags: c}", x)).isFalse();
        assertThat(matches("{signals.word_count: {gte: 12}}", x)).isTrue();
        assertThat(matches("{any: [{content_type: code}, {content_type: text}]}", x)).isTrue();
        assertThat(matches("{none: [{content_type: text}]}", x)).isFalse();
        assertThat(matches("{content_type: text, all: [{metadata.n: 6}]}", x)).as("keys beside all are AND-ed")
                .isFalse();
        assertThat(matches("{all: [{any: [{metadata.n: 1}, {metadata.n: 5}]}, {none: [{tags: z}]}]}", x)).isTrue();
    }

    @Test
    void unknownFieldsOperatorsAndKeysAreRefusedNotIgnored() {
        assertThatThrownBy(() -> router(oneRule("{colour: red}"))).isInstanceOf(ConfigException.class)
                .hasMessageContaining("unknown field 'colour'").hasMessageContaining("rule 'r' (line 2)");
        assertThatThrownBy(() -> router(oneRule("{metadata.n: {between: [1, 2]}}"))).isInstanceOf(ConfigException.class)
                .hasMessageContaining("unknown operator");
        assertThatThrownBy(() -> router("rules:\n- name: r\n  match: {all: []}\n  action: {bank: b, colour: red}\n"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("unknown key 'action.colour'");
        assertThatThrownBy(() -> router("rules:\n- name: r\n  match: {all: []}\n  action: {bank: b, retain_policy: encrypt}\n"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("encrypt");
        assertThatThrownBy(() -> router("rules:\n- name: r\n  match: {all: []}\n  action: {bank: 'a-{metadata.x}{metadata.y}'}\n"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("separated");
    }

    @Test
    void templatesEncodeValuesAndRefuseMissingOnes() {
        MipRouter r = router("rules:\n- name: per-user\n  match: {all: []}\n  action:\n    bank: 'user-{metadata.uid}'\n"
                + "    tags: ['{metadata.topic}', fixed]\n");
        RoutingDecision d = r.route(in("text", Map.of("uid", "jo smith", "topic", "tax")));
        assertThat(d.bankId()).isEqualTo("user-jo:20smith");
        assertThat(d.tags()).containsExactly("tax", "fixed");
        assertThat(r.route(in("text", Map.of("uid", "x"))).tags()).as("a tag without its value is left out")
                .containsExactly("fixed");
        assertThatThrownBy(() -> r.route(in("text", Map.of()))).isInstanceOf(MipRoutingException.class)
                .hasMessageContaining("per-user").hasMessageContaining("{metadata.uid}");

        MipRouter two = router("rules:\n- name: pair\n  match: {all: []}\n  action: {bank: '{metadata.a}-{metadata.b}'}\n");
        String first = two.route(in("text", Map.of("a", "x-y", "b", "z"))).bankId();
        String second = two.route(in("text", Map.of("a", "x", "b", "y-z"))).bankId();
        assertThat(first).isNotEqualTo(second).isEqualTo("x:2dy-z");
        assertThat(two.route(in("text", Map.of("a", "algebra", "b", 7))).bankId()).isEqualTo("algebra-7");
    }

    @Test
    void prioritiesTiesShadowsAndTimeWindows() {
        String rules = "rules:\n"
                + "- {name: wide, priority: 10, match: {content_type: text}, action: {bank: wide}}\n"
                + "- {name: narrow, priority: 10, match: {content_type: text, metadata.k: v}, action: {bank: narrow}}\n"
                + "- {name: late, priority: 1, active_from: '2026-07-01T00:00:00Z', match: {all: []}, action: {bank: late}}\n"
                + "- {name: watch, priority: 0, shadow: true, override: true, match: {all: []}, action: {bank: watch}}\n";
        MipInput x = in("text", Map.of("k", "v"));
        RoutingDecision d = router(rules).route(x);
        assertThat(d.ruleName()).as("first in file order").isEqualTo("wide");
        assertThat(d.shadowMatches()).containsExactly("watch");
        assertThat(router("tie_breaker: most_specific\n" + rules).route(x).ruleName()).isEqualTo("narrow");
        assertThatThrownBy(() -> router("tie_breaker: error\n" + rules).route(x)).isInstanceOf(MipRoutingException.class)
                .hasMessageContaining("tie_breaker=error").hasMessageContaining("'wide'");
        clock.advance(Duration.ofDays(30));
        assertThat(router(rules).route(x).ruleName()).as("inside its window now").isEqualTo("late");
    }

    @Test
    void aCatchAllRuleNeverDisablesTheOthers() {
        String rules = "rules:\n"
                + "- {name: specific, priority: 5, match: {content_type: code}, action: {bank: code}}\n"
                + "- {name: fallback, priority: 999, match: {all: []}, action: {bank: general}}\n";
        assertThat(router(rules).route(in("code", Map.of())).bankId()).isEqualTo("code");
        assertThat(router(rules).route(in("text", Map.of())).bankId()).isEqualTo("general");
    }

    /** A deterministic stand-in for a model: answers what the test says and counts calls. */
    private static final class StubLlm implements LlmProvider {
        final String answer;
        final AtomicInteger calls = new AtomicInteger();

        StubLlm(String answer) {
            this.answer = answer;
        }

        @Override
        public String name() {
            return "stub";
        }

        @Override
        public Completion complete(CompletionRequest request) {
            calls.incrementAndGet();
            return new Completion(answer, "stub", null);
        }
    }

    @Test
    void escalationAsksTheModelWithinItsConstraints() {
        String rules = "banks: [{id: vault}, {id: general}]\n"
                + "rules:\n"
                + "- {name: pii, priority: 1, match: {pii_detected: true}, action: {bank: vault, confidence: 0.5}}\n"
                + "- {name: unsure, priority: 5, match: {content_type: text}, action: {bank: general, confidence: 0.5}}\n"
                + "intent_policy:\n  escalate_when: [{confidence: {lt: 0.8}}]\n"
                + "  constraints: {cannot_override: [pii], must_justify: true}\n";
        StubLlm toGeneral = new StubLlm("{\"bank_id\": \"general\", \"tags\": [\"x\"], \"reasoning\": \"plain chat\"}");
        MipInput pii = new MipInput("my ssn", "text", null, true, List.of(), Map.of(), Map.of(), null);
        RoutingDecision protectedDecision = router(rules, toGeneral).route(pii);
        assertThat(protectedDecision.bankId()).as("the model cannot move what a protected rule decided")
                .isEqualTo("vault");
        assertThat(protectedDecision.reasoning()).contains("cannot_override");
        assertThat(toGeneral.calls).hasValue(0);

        RoutingDecision asked = router(rules, toGeneral).route(in("text", Map.of()));
        assertThat(asked.resolvedBy()).isEqualTo(RoutingDecision.ResolvedBy.INTENT);
        assertThat(asked.bankId()).isEqualTo("general");

        StubLlm undeclared = new StubLlm("{\"bank_id\": \"elsewhere\", \"reasoning\": \"why not\"}");
        assertThat(router(rules, undeclared).route(in("text", Map.of())).resolvedBy())
                .as("a bank mip.yaml does not declare is refused").isEqualTo(RoutingDecision.ResolvedBy.PASSTHROUGH);
        StubLlm silent = new StubLlm("{\"bank_id\": \"general\"}");
        assertThat(router(rules, silent).route(in("text", Map.of())).resolvedBy()).as("must_justify")
                .isEqualTo(RoutingDecision.ResolvedBy.PASSTHROUGH);
        assertThat(router(rules).route(in("text", Map.of())).reasoning()).as("no LLM: says so")
                .contains("no LLM").contains("passthrough");
    }

    @Test
    void explainAgreesWithRoutingOnRandomInputs() {
        String rules = "rules:\n"
                + "- {name: a, priority: 5, match: {any: [{content_type: code}, {metadata.n: {gt: 50}}]}, action: {bank: a}}\n"
                + "- {name: b, priority: 5, match: {tags: x, none: [{source: bot}]}, action: {bank: b}}\n"
                + "- {name: c, priority: 9, match: {metadata.n: {lte: 20}}, action: {bank: c}}\n"
                + "- {name: d, priority: 1, override: true, match: {pii_detected: true, source: bot}, action: {bank: d}}\n";
        MipRouter r = router(rules);
        Random random = new Random(42);
        for (int i = 0; i < 2000; i++) {
            MipInput x = new MipInput("c", random.nextBoolean() ? "code" : "text", random.nextBoolean() ? "bot" : null,
                    random.nextBoolean(), random.nextBoolean() ? List.of("x") : List.of(),
                    Map.of("n", random.nextInt(100)), Map.of(), null);
            MipRouter.Explanation e = r.explain(x);
            RoutingDecision d = r.route(x);
            assertThat(d).isEqualTo(e.decision());
            if (d.ruleName() != null) {
                assertThat(e.matched()).contains(d.ruleName());
                assertThat(e.matched().get(0)).as("the winner is the best match unless an override won")
                        .isIn(d.ruleName(), e.matched().get(0));
            } else {
                assertThat(e.matched()).isEmpty();
            }
        }
    }
}
