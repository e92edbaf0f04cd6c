package io.astrocyte;

import io.astrocyte.config.AccessControlConfig;
import io.astrocyte.config.AstrocyteConfig;
import io.astrocyte.audit.HashChainedAuditLog;
import io.astrocyte.spi.AccessPolicyProvider;
import io.astrocyte.spi.AuditSink;
import io.astrocyte.spi.Embedder;
import io.astrocyte.spi.GovernanceStore;
import io.astrocyte.spi.LlmProvider;
import io.astrocyte.spi.ProviderFactory;
import io.astrocyte.spi.VectorStore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The providers an instance runs on: those given to the builder, else the ones the configuration names,
 * discovered on the class path. Providers created here are owned (closed with the instance); given ones
 * stay the caller's.
 */
record Providers(AstrocyteConfig config, VectorStore store, Embedder embedder, LlmProvider llm,
        GovernanceStore governance, AccessPolicyProvider policy, AuditSink audit,
        io.astrocyte.spi.RateLimitStore rateLimitStore, List<AutoCloseable> owned) {

    private static final Logger LOG = LoggerFactory.getLogger(Astrocyte.class);

    /**
     * {@code governance.audit.path}, else the data folder's {@code audit/audit.jsonl} (where the embedded store
     * keeps its index and governance); {@code null} when the trail is off or there is nowhere to put it.
     */
    private static java.nio.file.Path auditFile(AstrocyteConfig cfg, Settings s) {
        var audit = cfg.governance().audit();
        if (!audit.enabled()) {
            return null;
        }
        if (audit.path() != null && !audit.path().isBlank()) {
            return java.nio.file.Path.of(audit.path());
        }
        Object folder = s.dataDirectory() != null ? s.dataDirectory() : cfg.vectorStoreConfig().get("path");
        return folder == null ? null : java.nio.file.Path.of(folder.toString()).resolve("audit").resolve("audit.jsonl");
    }

    static Providers resolve(Settings s) {
        AstrocyteConfig cfg = s.config() != null ? s.config() : AstrocyteConfig.defaultConfig();
        List<AutoCloseable> owned = new ArrayList<>();
        try {
            Embedder emb = s.embedder();
            if (emb == null) {
                emb = ProviderDiscovery.create(ProviderFactory.ForEmbedder.class, cfg.embeddingProvider(),
                        cfg.embeddingProviderConfig(), "embedding_provider");
                owned.add(emb);
            }
            VectorStore vs = s.vectorStore();
            if (vs == null) {
                Map<String, Object> storeConfig = withDataDirectory(cfg.vectorStoreConfig(), s);
                storeConfig.putIfAbsent("embedding_dimension", emb.dimension());
                storeConfig.putIfAbsent("embedding_model", emb.modelId());
                vs = ProviderDiscovery.create(ProviderFactory.ForVectorStore.class, cfg.vectorStore(), storeConfig,
                        "vector_store");
                owned.add(vs);
            }
            if (vs.spiVersion() != VectorStore.SPI_VERSION) {
                throw new ConfigException("vector_store: " + vs.name() + " implements SPI version " + vs.spiVersion()
                        + ", this core needs " + VectorStore.SPI_VERSION);
            }
            GovernanceStore governance = s.governanceStore();
            boolean quotas = cfg.homeostasis().quotas().any() || cfg.banks().keySet().stream()
                    .anyMatch(b -> cfg.homeostasisFor(b).quotas().any());
            boolean lifecycle = cfg.lifecycle().enabled() || cfg.banks().keySet().stream()
                    .anyMatch(b -> cfg.lifecycleFor(b).enabled());
            if (governance == null && cfg.governanceStore() != null) {
                governance = ProviderDiscovery.create(ProviderFactory.ForGovernanceStore.class, cfg.governanceStore(),
                        cfg.governanceStoreConfig(), "governance_store");
                owned.add(governance);
            }
            if (governance == null && (cfg.accessControl().enabled() || quotas || lifecycle)) {
                governance = discoverGovernance(cfg, vs, s);
                if (governance != null) {
                    owned.add(governance);
                }
            }
            AccessPolicyProvider policy = s.accessPolicyProvider();
            if (policy == null && cfg.accessControl().policyProvider() != null) {
                policy = ProviderDiscovery.create(ProviderFactory.ForAccessPolicy.class,
                        cfg.accessControl().policyProvider(), cfg.accessControl().policyProviderConfig(),
                        "access_control.policy_provider");
                owned.add(policy);
            }
            LlmProvider model = s.llm();
            if (model == null && cfg.llmProvider() != null) {
                model = ProviderDiscovery.create(ProviderFactory.ForLlm.class, cfg.llmProvider(),
                        cfg.llmProviderConfig(), "llm_provider");
            }
            AuditSink audit = s.auditSink();
            java.nio.file.Path auditFile = auditFile(cfg, s);
            if (audit == null && auditFile != null) {
                audit = HashChainedAuditLog.open(auditFile);
                owned.add(audit);
            }
            io.astrocyte.spi.RateLimitStore rateLimits = s.rateLimitStore();
            if (rateLimits == null && cfg.rateLimitStore() != null) {
                rateLimits = ProviderDiscovery.create(ProviderFactory.ForRateLimitStore.class, cfg.rateLimitStore(),
                        cfg.rateLimitStoreConfig(), "rate_limit_store");
                owned.add(rateLimits);
            }
            return new Providers(cfg, Objects.requireNonNull(vs), emb, model, governance, policy, audit, rateLimits,
                    owned);
        } catch (RuntimeException e) {
            closeAll(owned, e);
            throw e;
        }
    }

    /** Closes what this instance created, newest first; failures are added to {@code failure} if given, else logged. */
    static void closeAll(List<AutoCloseable> owned, RuntimeException failure) {
        for (int i = owned.size() - 1; i >= 0; i--) {
            try {
                owned.get(i).close();
            } catch (Exception e) {
                if (failure != null) {
                    failure.addSuppressed(e);
                } else {
                    LOG.warn("closing {} failed: {}", owned.get(i), e.toString());
                }
            }
        }
    }

    private static Map<String, Object> withDataDirectory(Map<String, Object> config, Settings s) {
        Map<String, Object> out = new LinkedHashMap<>(config);
        if (s.dataDirectory() != null) {
            out.put("path", s.dataDirectory().toString());
        }
        return out;
    }

    /**
     * The governance store next to the vector store. Required under {@code owner_only}; for the other
     * policies a store without one only loses the stored-grants API, which then says so.
     */
    private static GovernanceStore discoverGovernance(AstrocyteConfig cfg, VectorStore vs, Settings s) {
        String name = "in_memory".equals(vs.name()) ? "in_memory" : null;
        boolean required = cfg.accessControl().enabled()
                && cfg.accessControl().defaultPolicy() == AccessControlConfig.DefaultPolicy.OWNER_ONLY;
        try {
            return ProviderDiscovery.create(ProviderFactory.ForGovernanceStore.class, name,
                    withDataDirectory(cfg.vectorStoreConfig(), s), "governance store (for owners and grants of access_control)");
        } catch (ConfigException e) {
            if (required) {
                throw e;
            }
            LOG.warn("no governance store found; grants can only come from the configuration: {}", e.getMessage());
            return null;
        }
    }
}
