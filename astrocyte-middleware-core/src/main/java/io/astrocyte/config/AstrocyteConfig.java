package io.astrocyte.config;

import io.astrocyte.ConfigException;
import io.astrocyte.identity.AccessGrant;
import io.astrocyte.identity.GlobPattern;
import io.astrocyte.identity.Permission;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The typed form of {@code astrocyte.yaml} (SPEC §7). Every field has the SPEC default, so
 * {@link #defaultConfig()} is a working configuration: embedded store and local embedder when their module is
 * on the classpath, no LLM, no token budgets, access control off with anonymous calls refused.
 *
 * @param providerTier       only {@code storage} (the built-in pipeline) exists so far
 * @param vectorStore        provider name, e.g. {@code embedded}; {@code null} picks the highest-priority one found
 * @param embeddingProvider  provider name, e.g. {@code local}; {@code null} picks the highest-priority one found
 * @param vectorStoreConfig  settings handed to the store's provider, e.g. {@code path} (embedded) or {@code host},
 *                           {@code api_key}, {@code collection} (qdrant)
 * @param embeddingProviderConfig settings handed to the embedder's provider
 * @param llmProvider        provider name; {@code null} means no LLM (reflect is extractive)
 * @param llmProviderConfig  settings handed to the LLM's provider
 * @param accessGrants       grants in the configuration: bank pattern, principal pattern, permissions
 *                           ({@code read}, {@code write}, {@code forget}, {@code admin})
 * @param banks              per-bank overrides of homeostasis, barriers, signal quality and profile, by bank id
 * @param agents             per-agent settings by principal, such as an agent's own rate limits
 * @param hooks              webhooks and log hooks told about memory events ({@code on_retain}, {@code on_recall}, …)
 * @param lifecycle          retention by TTL, its scheduler and per-memory recall statistics
 * @param governance         the audit trail
 * @param analytics          bank health counters
 * @param mipConfigPath      a {@code mip.yaml} of Memory Intent Protocol routing rules (SPEC §6.2)
 * @param governanceStore    provider of owners, grants, quotas and holds, e.g. {@code jdbc} (a database every instance
 *                           shares); {@code null} keeps them beside the vector store (the data folder)
 * @param governanceStoreConfig settings for it, e.g. {@code url}, {@code username}, {@code password}, {@code schema}
 * @param rateLimitStore     where rate-limit buckets live, e.g. {@code redis} (shared by replicas); {@code null} in
 *                           the process
 * @param rateLimitStoreConfig settings for it, e.g. {@code url}, {@code fail_mode}
 * @param mcp                what the memory server's MCP tools offer
 * @param extractionProfiles named retain profiles (SPEC §5.1) a retain selects with {@code extraction_profile}:
 *                           content type, chunking, fact type, authority tier, metadata mapping and LLM fact
 *                           extraction; see {@link ExtractionProfileConfig}
 */
public record AstrocyteConfig(
        String providerTier,
        String vectorStore,
        Map<String, Object> vectorStoreConfig,
        String embeddingProvider,
        Map<String, Object> embeddingProviderConfig,
        String llmProvider,
        Map<String, Object> llmProviderConfig,
        HomeostasisConfig homeostasis,
        BarriersConfig barriers,
        AccessControlConfig accessControl,
        List<AccessGrantConfig> accessGrants,
        Map<String, BankConfig> banks,
        DefaultsConfig defaults,
        PipelineConfig pipeline,
        IdentityConfig identity,
        Map<String, AgentConfig> agents,
        AgentCardsConfig agentCards,
        DlpConfig dlp,
        EscalationConfig escalation,
        ObservabilityConfig observability,
        List<HookConfig> hooks,
        SignalQualityConfig signalQuality,
        LifecycleConfig lifecycle,
        GovernanceConfig governance,
        AnalyticsConfig analytics,
        String mipConfigPath,
        String governanceStore,
        Map<String, Object> governanceStoreConfig,
        String rateLimitStore,
        Map<String, Object> rateLimitStoreConfig,
        McpConfig mcp,
        Map<String, ExtractionProfileConfig> extractionProfiles) {

    public AstrocyteConfig {
        providerTier = providerTier == null ? "storage" : providerTier;
        if (!"storage".equals(providerTier)) {
            throw new ConfigException("provider_tier: only 'storage' (the built-in pipeline) is supported, got '"
                    + providerTier + "'");
        }
        vectorStoreConfig = vectorStoreConfig == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(vectorStoreConfig));
        embeddingProviderConfig = embeddingProviderConfig == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(embeddingProviderConfig));
        llmProviderConfig = llmProviderConfig == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(llmProviderConfig));
        homeostasis = homeostasis == null ? HomeostasisConfig.DEFAULT : homeostasis;
        barriers = barriers == null ? BarriersConfig.DEFAULT : barriers;
        accessControl = accessControl == null ? AccessControlConfig.DEFAULT : accessControl;
        accessGrants = accessGrants == null ? List.of() : List.copyOf(accessGrants);
        banks = banks == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(banks));
        defaults = defaults == null ? DefaultsConfig.DEFAULT : defaults;
        pipeline = pipeline == null ? PipelineConfig.DEFAULT : pipeline;
        identity = identity == null ? IdentityConfig.DEFAULT : identity;
        agents = agents == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(agents));
        agentCards = agentCards == null ? AgentCardsConfig.DEFAULT : agentCards;
        dlp = dlp == null ? DlpConfig.DEFAULT : dlp;
        escalation = escalation == null ? EscalationConfig.DEFAULT : escalation;
        observability = observability == null ? ObservabilityConfig.DEFAULT : observability;
        hooks = hooks == null ? List.of() : List.copyOf(hooks);
        signalQuality = signalQuality == null ? SignalQualityConfig.DEFAULT : signalQuality;
        lifecycle = lifecycle == null ? LifecycleConfig.DEFAULT : lifecycle;
        governanceStoreConfig = governanceStoreConfig == null ? Map.of()
                : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(governanceStoreConfig));
        rateLimitStoreConfig = rateLimitStoreConfig == null ? Map.of()
                : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(rateLimitStoreConfig));
        governance = governance == null ? GovernanceConfig.DEFAULT : governance;
        analytics = analytics == null ? AnalyticsConfig.DEFAULT : analytics;
        mcp = mcp == null ? McpConfig.DEFAULT : mcp;
        extractionProfiles = extractionProfiles == null ? Map.of()
                : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(extractionProfiles));
        extractionProfiles.forEach((name, profile) -> {
            if (profile == null) {
                throw new ConfigException("extraction_profiles." + name + ": empty profile");
            }
            profile.validate(name);
        });
        grants(accessGrants, banks, agents); // validates patterns and permission names now, naming the key
    }

    public static AstrocyteConfig defaultConfig() {
        return new AstrocyteConfig(null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null);
    }

    /** Reads {@code astrocyte.yaml} (or JSON); see {@link ConfigLoader}. */
    public static AstrocyteConfig load(java.nio.file.Path path) {
        return ConfigLoader.withSystemEnvironment().load(path);
    }

    public AstrocyteConfig withVectorStore(String name, Map<String, Object> config) {
        Copy c = new Copy(this);
        c.vectorStore = name;
        c.vectorStoreConfig = config;
        return c.build();
    }

    public AstrocyteConfig withAccessControl(AccessControlConfig value) {
        Copy c = new Copy(this);
        c.accessControl = value;
        return c.build();
    }

    public AstrocyteConfig withHomeostasis(HomeostasisConfig value) {
        Copy c = new Copy(this);
        c.homeostasis = value;
        return c.build();
    }

    public AstrocyteConfig withPipeline(PipelineConfig value) {
        Copy c = new Copy(this);
        c.pipeline = value;
        return c.build();
    }

    /** The grants of {@code access_grants}, {@code banks.<id>.access} and {@code agents}, in that order. */
    public List<AccessGrant> grants() {
        return grants(accessGrants, banks, agents);
    }

    public AstrocyteConfig withAgents(Map<String, AgentConfig> value) {
        Copy c = new Copy(this);
        c.agents = value;
        return c.build();
    }

    public AstrocyteConfig withBanks(Map<String, BankConfig> value) {
        Copy c = new Copy(this);
        c.banks = value;
        return c.build();
    }

    public AstrocyteConfig withIdentity(IdentityConfig value) {
        Copy c = new Copy(this);
        c.identity = value;
        return c.build();
    }

    public AstrocyteConfig withDlp(DlpConfig value) {
        Copy c = new Copy(this);
        c.dlp = value;
        return c.build();
    }

    public AstrocyteConfig withEscalation(EscalationConfig value) {
        Copy c = new Copy(this);
        c.escalation = value;
        return c.build();
    }

    public AstrocyteConfig withHooks(List<HookConfig> value) {
        Copy c = new Copy(this);
        c.hooks = value;
        return c.build();
    }

    public AstrocyteConfig withObservability(ObservabilityConfig value) {
        Copy c = new Copy(this);
        c.observability = value;
        return c.build();
    }

    public AstrocyteConfig withBarriers(BarriersConfig value) {
        Copy c = new Copy(this);
        c.barriers = value;
        return c.build();
    }

    public AstrocyteConfig withAgentCards(AgentCardsConfig value) {
        Copy c = new Copy(this);
        c.agentCards = value;
        return c.build();
    }

    /** The bank's homeostasis: its own resolved block when it has one, else the global one (SPEC §7). */
    public HomeostasisConfig homeostasisFor(String bankId) {
        BankConfig b = banks.get(bankId);
        return b != null && b.homeostasis() != null ? b.homeostasis() : homeostasis;
    }

    /** The bank's barriers: its own resolved block when it has one, else the global one (SPEC §7). */
    public BarriersConfig barriersFor(String bankId) {
        BankConfig b = banks.get(bankId);
        return b != null && b.barriers() != null ? b.barriers() : barriers;
    }

    /** The bank's signal quality: its own resolved block when it has one, else the global one (SPEC §7). */
    public SignalQualityConfig signalQualityFor(String bankId) {
        BankConfig b = banks.get(bankId);
        return b != null && b.signalQuality() != null ? b.signalQuality() : signalQuality;
    }

    /** The bank's lifecycle: its own resolved block when it has one, else the global one. */
    public LifecycleConfig lifecycleFor(String bankId) {
        BankConfig b = banks.get(bankId);
        return b != null && b.lifecycle() != null ? b.lifecycle() : lifecycle;
    }

    public AstrocyteConfig withLifecycle(LifecycleConfig value) {
        Copy c = new Copy(this);
        c.lifecycle = value;
        return c.build();
    }

    public AstrocyteConfig withExtractionProfiles(Map<String, ExtractionProfileConfig> value) {
        Copy c = new Copy(this);
        c.extractionProfiles = value;
        return c.build();
    }

    public AstrocyteConfig withGovernance(GovernanceConfig value) {
        Copy c = new Copy(this);
        c.governance = value;
        return c.build();
    }

    public AstrocyteConfig withMipConfigPath(String value) {
        Copy c = new Copy(this);
        c.mipConfigPath = value;
        return c.build();
    }

    public AstrocyteConfig withAnalytics(AnalyticsConfig value) {
        Copy c = new Copy(this);
        c.analytics = value;
        return c.build();
    }

    public AstrocyteConfig withMcp(McpConfig value) {
        Copy c = new Copy(this);
        c.mcp = value;
        return c.build();
    }

    public AstrocyteConfig withSignalQuality(SignalQualityConfig value) {
        Copy c = new Copy(this);
        c.signalQuality = value;
        return c.build();
    }

    /** Whether bank {@code bankId} is declared with {@code environment: production} (or another production name). */
    public boolean declaredEnvironment(String bankId, List<String> environments) {
        BankConfig bank = banks.get(bankId);
        return bank != null && bank.environment() != null && environments.contains(bank.environment());
    }

    public AstrocyteConfig withAccessGrants(List<AccessGrantConfig> value) {
        Copy c = new Copy(this);
        c.accessGrants = value;
        return c.build();
    }

    /** A mutable copy for the {@code with*} methods, so that one place lists every component. */
    private static final class Copy {
        String providerTier;
        String vectorStore;
        Map<String, Object> vectorStoreConfig;
        String embeddingProvider;
        Map<String, Object> embeddingProviderConfig;
        String llmProvider;
        Map<String, Object> llmProviderConfig;
        HomeostasisConfig homeostasis;
        BarriersConfig barriers;
        AccessControlConfig accessControl;
        List<AccessGrantConfig> accessGrants;
        Map<String, BankConfig> banks;
        DefaultsConfig defaults;
        PipelineConfig pipeline;
        IdentityConfig identity;
        Map<String, AgentConfig> agents;
        AgentCardsConfig agentCards;
        DlpConfig dlp;
        EscalationConfig escalation;
        ObservabilityConfig observability;
        List<HookConfig> hooks;
        SignalQualityConfig signalQuality;
        LifecycleConfig lifecycle;
        GovernanceConfig governance;
        AnalyticsConfig analytics;
        String mipConfigPath;
        String governanceStore;
        Map<String, Object> governanceStoreConfig;
        String rateLimitStore;
        Map<String, Object> rateLimitStoreConfig;
        McpConfig mcp;
        Map<String, ExtractionProfileConfig> extractionProfiles;

        Copy(AstrocyteConfig c) {
            providerTier = c.providerTier;
            vectorStore = c.vectorStore;
            vectorStoreConfig = c.vectorStoreConfig;
            embeddingProvider = c.embeddingProvider;
            embeddingProviderConfig = c.embeddingProviderConfig;
            llmProvider = c.llmProvider;
            llmProviderConfig = c.llmProviderConfig;
            homeostasis = c.homeostasis;
            barriers = c.barriers;
            accessControl = c.accessControl;
            accessGrants = c.accessGrants;
            banks = c.banks;
            defaults = c.defaults;
            pipeline = c.pipeline;
            identity = c.identity;
            agents = c.agents;
            agentCards = c.agentCards;
            dlp = c.dlp;
            escalation = c.escalation;
            observability = c.observability;
            hooks = c.hooks;
            signalQuality = c.signalQuality;
            lifecycle = c.lifecycle;
            governance = c.governance;
            analytics = c.analytics;
            mipConfigPath = c.mipConfigPath;
            governanceStore = c.governanceStore;
            governanceStoreConfig = c.governanceStoreConfig;
            rateLimitStore = c.rateLimitStore;
            rateLimitStoreConfig = c.rateLimitStoreConfig;
            mcp = c.mcp;
            extractionProfiles = c.extractionProfiles;
        }

        AstrocyteConfig build() {
            return new AstrocyteConfig(providerTier, vectorStore, vectorStoreConfig, embeddingProvider,
                    embeddingProviderConfig, llmProvider, llmProviderConfig, homeostasis, barriers, accessControl,
                    accessGrants, banks, defaults, pipeline, identity, agents, agentCards, dlp, escalation,
                    observability, hooks, signalQuality, lifecycle, governance, analytics, mipConfigPath,
                    governanceStore, governanceStoreConfig, rateLimitStore, rateLimitStoreConfig, mcp,
                    extractionProfiles);
        }
    }

    private static List<AccessGrant> grants(List<AccessGrantConfig> accessGrants, Map<String, BankConfig> banks,
            Map<String, AgentConfig> agents) {
        List<AccessGrant> out = new ArrayList<>();
        for (int i = 0; i < accessGrants.size(); i++) {
            AccessGrantConfig g = accessGrants.get(i);
            String key = "access_grants[" + i + "]";
            out.add(new AccessGrant(pattern(key + ".bank_id", g.bankId()), pattern(key + ".principal", g.principal()),
                    permissions(key + ".permissions", g.permissions())));
        }
        for (Map.Entry<String, BankConfig> bank : banks.entrySet()) {
            List<BankConfig.BankAccess> access = bank.getValue() == null ? List.of() : bank.getValue().access();
            for (int i = 0; i < access.size(); i++) {
                String key = "banks." + bank.getKey() + ".access[" + i + "]";
                out.add(new AccessGrant(pattern("banks." + bank.getKey(), bank.getKey()),
                        pattern(key + ".principal", access.get(i).principal()),
                        permissions(key + ".permissions", access.get(i).permissions())));
            }
        }
        for (Map.Entry<String, AgentConfig> agent : agents.entrySet()) {
            String key = "agents." + agent.getKey();
            AgentConfig a = agent.getValue();
            if (a == null) {
                throw new ConfigException(key + ": needs at least 'banks' or 'default_bank'");
            }
            GlobPattern principal = pattern(key + ".principal", a.principalFor(agent.getKey()));
            Set<Permission> perms = permissions(key + ".permissions", a.permissions());
            java.util.LinkedHashSet<String> named = new java.util.LinkedHashSet<>(a.banks());
            named.addAll(a.allowedBanks());
            if (a.defaultBank() != null) {
                named.add(a.defaultBank());
            }
            if (named.isEmpty()) {
                throw new ConfigException(key + ": needs at least 'banks' or 'default_bank'");
            }
            for (String bank : named) {
                GlobPattern glob = pattern(key + ".banks", bank);
                if (bank.indexOf('*') < 0) {
                    out.add(new AccessGrant(glob, principal, perms));
                    continue;
                }
                // SPEC §2.3: agent bank globs reach declared banks only, never banks created later.
                for (String declared : banks.keySet()) {
                    if (glob.matches(declared)) {
                        out.add(new AccessGrant(new GlobPattern(declared), principal, perms));
                    }
                }
            }
        }
        return out;
    }

    private static GlobPattern pattern(String key, String value) {
        if (value == null || value.isBlank()) {
            throw new ConfigException(key + ": is required");
        }
        return new GlobPattern(value);
    }

    private static Set<Permission> permissions(String key, List<String> names) {
        Set<Permission> out = EnumSet.noneOf(Permission.class);
        for (String name : names) {
            out.add(Permission.fromWireName(name).orElseThrow(() -> new ConfigException(
                    key + ": unknown permission '" + name + "' (read, write, forget, admin)")));
        }
        if (out.isEmpty()) {
            throw new ConfigException(key + ": name at least one permission");
        }
        return out;
    }
}
