package io.astrocyte.policy.barrier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.astrocyte.ConfigException;
import io.astrocyte.PiiRejectedException;
import io.astrocyte.config.MetadataBarrierConfig;
import io.astrocyte.config.PiiConfig;
import io.astrocyte.config.PiiConfig.Action;
import io.astrocyte.config.PiiConfig.Mode;
import io.astrocyte.spi.Completion;
import io.astrocyte.spi.LlmProvider;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PiiBarrierTest {

    /** Test double for an LLM: replies with a fixed text and counts calls. */
    private static final class ScriptedLlm implements LlmProvider {
        final List<String> prompts = new ArrayList<>();
        final String reply;

        ScriptedLlm(String reply) {
            this.reply = reply;
        }

        @Override
        public String name() {
            return "scripted-test-double";
        }

        @Override
        public Completion complete(io.astrocyte.spi.CompletionRequest request) {
            prompts.add(request.messages().get(request.messages().size() - 1).content());
            if (reply == null) {
                throw new IllegalStateException("model offline");
            }
            return new Completion(reply, "test", null);
        }
    }

    private static PiiConfig config(Mode mode, Action action, Map<String, PiiConfig.TypeOverride> overrides) {
        return new PiiConfig(mode, action, List.of("UK"), List.of(new PiiConfig.CustomPattern("ticket",
                "TCK-\\d{6}", "[TICKET]")), overrides);
    }

    @Test
    void redactsRightToLeftWithDefaultAndOverriddenReplacements() {
        PiiBarrier barrier = new PiiBarrier(config(Mode.REGEX, Action.REDACT,
                Map.of("email", new PiiConfig.TypeOverride(null, "<mail>"))), null);
        PiiBarrier.Result r = barrier.apply("Mail bob@corp.example or call 07700 900 123 about TCK-123456.", "b");
        assertThat(r.text()).isEqualTo("Mail <mail> or call [PHONE_REDACTED] about [TICKET].");
        assertThat(r.types()).containsExactly("email", "phone", "ticket");
        assertThat(r.redacted()).isTrue();
    }

    @Test
    void aRejectingTypeRefusesTheWholeContentAndNamesOnlyTypes() {
        PiiBarrier barrier = new PiiBarrier(config(Mode.REGEX, Action.REDACT,
                Map.of("credit_card", new PiiConfig.TypeOverride(Action.REJECT, null))), null);
        assertThatThrownBy(() -> barrier.apply("Card 4111 1111 1111 1111, mail a@b.example", "b"))
                .isInstanceOfSatisfying(PiiRejectedException.class, e -> {
                    assertThat(e.piiTypes()).containsExactly("credit_card");
                    assertThat(e.getMessage()).doesNotContain("4111");
                    assertThat(e.httpStatus()).isEqualTo(422);
                });
        assertThat(barrier.apply("mail a@b.example", "b").text()).isEqualTo("mail [EMAIL_REDACTED]");
    }

    @Test
    void warnKeepsTheTextAndDisabledFindsNothing() {
        PiiBarrier warn = new PiiBarrier(config(Mode.REGEX, Action.WARN, Map.of()), null);
        PiiBarrier.Result r = warn.apply("mail a@b.example", "b");
        assertThat(r.text()).isEqualTo("mail a@b.example");
        assertThat(r.detected()).isTrue();
        assertThat(r.redacted()).isFalse();
        PiiBarrier off = new PiiBarrier(config(Mode.DISABLED, Action.REJECT, Map.of()), null);
        assertThat(off.apply("mail a@b.example", "b").detected()).isFalse();
    }

    @Test
    void rulesThenLlmAsksTheModelOnlyWhenPatternsFindNothing() {
        ScriptedLlm llm = new ScriptedLlm("```json\n[{\"type\": \"name\", \"text\": \"Maria Lopez\"},"
                + " {\"type\": \"address\", \"text\": \"12 Elm Street\"}]\n```");
        PiiBarrier barrier = new PiiBarrier(config(Mode.RULES_THEN_LLM, Action.REDACT, Map.of()), llm);
        assertThat(barrier.apply("Mail a@b.example", "b").text()).isEqualTo("Mail [EMAIL_REDACTED]");
        assertThat(llm.prompts).isEmpty();
        PiiBarrier.Result r = barrier.apply("Maria Lopez lives at 12 Elm Street; Maria Lopez likes tea", "b");
        assertThat(r.text()).isEqualTo("[NAME_REDACTED] lives at [ADDRESS_REDACTED]; [NAME_REDACTED] likes tea");
        assertThat(llm.prompts).hasSize(1);
    }

    @Test
    void llmModeCombinesBothAndAFailingOrMissingModelLeavesThePatterns() {
        ScriptedLlm llm = new ScriptedLlm("[{\"type\": \"name\", \"text\": \"Maria\"}]");
        PiiBarrier both = new PiiBarrier(config(Mode.LLM, Action.REDACT, Map.of()), llm);
        assertThat(both.apply("Maria: a@b.example", "b").text()).isEqualTo("[NAME_REDACTED]: [EMAIL_REDACTED]");
        PiiBarrier broken = new PiiBarrier(config(Mode.LLM, Action.REDACT, Map.of()), new ScriptedLlm(null));
        assertThat(broken.apply("Maria: a@b.example", "b").text()).isEqualTo("Maria: [EMAIL_REDACTED]");
        PiiBarrier chatty = new PiiBarrier(config(Mode.LLM, Action.REDACT, Map.of()), new ScriptedLlm("Sure! Here"));
        assertThat(chatty.apply("Maria: a@b.example", "b").text()).isEqualTo("Maria: [EMAIL_REDACTED]");
        PiiBarrier none = new PiiBarrier(config(Mode.RULES_THEN_LLM, Action.REDACT, Map.of()), null);
        assertThat(none.apply("Maria: a@b.example", "b").text()).isEqualTo("Maria: [EMAIL_REDACTED]");
    }

    @Test
    void anInvalidCustomPatternIsAConfigErrorNamingIt() {
        assertThatThrownBy(() -> new PiiConfig.CustomPattern("bad", "([", null)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("barriers.pii.patterns[bad]");
    }

    @Test
    void metadataLosesSecretKeysAndThenKeysFromTheEndOfTheAlphabet() {
        MetadataSanitizer s = new MetadataSanitizer(new MetadataBarrierConfig(null, 60));
        Map<String, Object> in = new LinkedHashMap<>();
        in.put("DB_Password", "x");
        in.put("openai.api-key", "x");
        in.put("passwords_reset", true);
        in.put("tokenizer", "bpe");
        in.put("a", "1");
        in.put("z", "1234567890");
        Map<String, Object> out = s.sanitize(in);
        assertThat(out).doesNotContainKeys("DB_Password", "openai.api-key");
        assertThat(out).containsKeys("a", "passwords_reset");
        assertThat(out).doesNotContainKey("z");
        assertThat(new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(out).toString().length())
                .isLessThanOrEqualTo(60);
        Map<String, Object> clean = Map.of("topic", "tea");
        assertThat(s.sanitize(clean)).isSameAs(clean);
    }
}
