package io.astrocyte.routing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.astrocyte.api.RoutingDecision;
import io.astrocyte.spi.CompletionRequest;
import io.astrocyte.spi.LlmProvider;
import io.astrocyte.spi.Message;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The LLM intent layer (SPEC §6.2): asked only when routing escalates. The model gets the declared banks, the
 * policy's {@code model_context} and the content (clipped), and must answer JSON {@code {bank_id, tags,
 * retain_policy, reasoning, confidence}}. An answer is used only when its bank is declared, its retain policy is
 * one MIP knows, and (with {@code must_justify}) it gives a reason; otherwise the caller passes through. A model
 * that fails or answers something else never fails the retain.
 */
final class IntentLayer {

    private static final Logger LOG = LoggerFactory.getLogger(IntentLayer.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_CONTENT = 2000;

    private final LlmProvider llm;
    private final MipConfig config;

    IntentLayer(LlmProvider llm, MipConfig config) {
        this.llm = llm;
        this.config = config;
    }

    Optional<RoutingDecision> decide(MipInput input, String why, List<String> shadow) {
        MipConfig.IntentPolicy policy = config.intentPolicy();
        StringBuilder system = new StringBuilder("You route a memory to one bank. Answer with one JSON object and"
                + " nothing else: {\"bank_id\": one of the banks below, \"tags\": [strings], \"retain_policy\":"
                + " \"default\" | \"redact_before_store\" | \"reject\", \"reasoning\": why, \"confidence\": 0..1}.\nBanks:\n");
        for (MipConfig.Bank b : config.banks()) {
            system.append("- ").append(b.id()).append(b.description() == null ? "" : ": " + b.description()).append('\n');
        }
        if (policy.modelContext() != null) {
            system.append("Context: ").append(policy.modelContext()).append('\n');
        }
        String content = input.content().length() > MAX_CONTENT ? input.content().substring(0, MAX_CONTENT)
                : input.content();
        String user = "Escalated because " + why + ".\ncontent_type: " + input.contentType() + "\ntags: " + input.tags()
                + "\ncontent:\n" + content;
        int maxTokens = policy.constraints().maxTokens() == null ? 300 : policy.constraints().maxTokens();
        String answer;
        try {
            answer = llm.complete(new CompletionRequest(List.of(Message.system(system.toString()), Message.user(user)),
                    null, maxTokens, 0.0)).text();
        } catch (RuntimeException e) {
            LOG.warn("MIP intent layer failed ({}): passthrough", e.toString());
            return Optional.empty();
        }
        JsonNode n;
        try {
            String text = answer == null ? "" : answer.trim();
            int start = text.indexOf('{');
            int end = text.lastIndexOf('}');
            n = start < 0 || end < start ? null : JSON.readTree(text.substring(start, end + 1));
        } catch (Exception e) {
            n = null;
        }
        if (n == null || !n.hasNonNull("bank_id")) {
            LOG.warn("MIP intent layer answered without a bank_id: passthrough");
            return Optional.empty();
        }
        String bank = n.get("bank_id").asText();
        if (!config.declares(bank) || bank.indexOf('{') >= 0) {
            LOG.warn("MIP intent layer chose bank '{}', which mip.yaml does not declare: passthrough", bank);
            return Optional.empty();
        }
        String retainPolicy = n.hasNonNull("retain_policy") ? n.get("retain_policy").asText() : "default";
        if (!List.of("default", "redact_before_store", "reject").contains(retainPolicy)) {
            return Optional.empty();
        }
        String reasoning = n.hasNonNull("reasoning") ? n.get("reasoning").asText() : null;
        if (policy.constraints().mustJustify() && (reasoning == null || reasoning.isBlank())) {
            LOG.warn("MIP intent layer gave no reasoning and intent_policy requires one: passthrough");
            return Optional.empty();
        }
        List<String> tags = null;
        if (n.has("tags") && n.get("tags").isArray()) {
            tags = new ArrayList<>();
            for (JsonNode t : n.get("tags")) {
                tags.add(t.asText());
            }
        }
        double confidence = n.hasNonNull("confidence") && n.get("confidence").isNumber()
                ? Math.max(0, Math.min(1, n.get("confidence").asDouble())) : 0.5;
        return Optional.of(new RoutingDecision(bank, tags, retainPolicy, RoutingDecision.ResolvedBy.INTENT, null,
                confidence, reasoning == null ? why : reasoning, List.of(), shadow, null, null));
    }
}
