package io.astrocyte.policy;

import io.astrocyte.config.AstrocyteConfig;
import io.astrocyte.config.BarriersConfig;
import io.astrocyte.config.HomeostasisConfig;
import io.astrocyte.pipeline.ContentValidator;
import io.astrocyte.policy.barrier.MetadataSanitizer;
import io.astrocyte.policy.barrier.PiiBarrier;
import io.astrocyte.spi.LlmProvider;
import java.util.HashMap;
import java.util.Map;

/**
 * The policy objects in force for each bank (SPEC §7 "per-bank intent: global → bank profile → bank
 * block"): banks declared with their own {@code homeostasis} or {@code barriers} get their own validator,
 * PII barrier and metadata sanitizer, built once at start; every other bank shares the global ones.
 */
public final class BankPolicies {

    /** The barrier stages of one bank. */
    public record Barriers(ContentValidator validator, PiiBarrier pii, MetadataSanitizer metadata) {
    }

    private final AstrocyteConfig config;
    private final Barriers global;
    private final Map<String, Barriers> perBank = new HashMap<>();

    public BankPolicies(AstrocyteConfig config, LlmProvider llm) {
        this.config = config;
        this.global = build(config.barriers(), config.homeostasis(), llm);
        config.banks().forEach((id, bank) -> {
            if (bank != null && (bank.barriers() != null || bank.homeostasis() != null)) {
                perBank.put(id, build(config.barriersFor(id), config.homeostasisFor(id), llm));
            }
        });
    }

    private static Barriers build(BarriersConfig barriers, HomeostasisConfig homeostasis, LlmProvider llm) {
        return new Barriers(new ContentValidator(barriers.validation(), homeostasis),
                new PiiBarrier(barriers.pii(), llm), new MetadataSanitizer(barriers.metadata()));
    }

    public Barriers barriers(String bankId) {
        return perBank.getOrDefault(bankId, global);
    }

    public HomeostasisConfig homeostasis(String bankId) {
        return config.homeostasisFor(bankId);
    }
}
