package io.astrocyte.agentcard;

import io.astrocyte.AccessDeniedException;
import io.astrocyte.Astrocyte;
import io.astrocyte.AstrocyteException;
import io.astrocyte.ConfigException;
import io.astrocyte.api.MultiBankStrategy;
import io.astrocyte.config.AgentCardMapping;
import io.astrocyte.config.AgentCardsConfig;
import io.astrocyte.config.AgentConfig;
import io.astrocyte.config.AstrocyteConfig;
import io.astrocyte.identity.AccessGrant;
import io.astrocyte.identity.AccessManager;
import io.astrocyte.identity.ActorIdentity;
import io.astrocyte.identity.AgentLimits;
import io.astrocyte.identity.AstrocyteContext;
import io.astrocyte.identity.GlobPattern;
import io.astrocyte.identity.Permission;
import io.astrocyte.identity.ResolvedMemoryBinding;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Maps an A2A agent card plus its execution environment to a {@link ResolvedMemoryBinding} (SPEC §2.5):
 * the agent's principal, the end user as on-behalf-of, the bank retains go to, the banks recalls read,
 * the multi-bank strategy and per-agent limits.
 *
 * <p>Rules, first match wins: an {@code agents.<name>} entry whose name equals the card's name
 * (case-insensitive) → the first {@code agent_cards.mappings} rule whose {@code match} fits the card and
 * whose {@code environments} include this one → a default that gives the agent a private bank per end
 * user ({@code agent-{agent_id}:user-{user_id}}, or {@code agent-{agent_id}} without a user). Agents found
 * through a mapping or the default get a principal derived from the card ({@link AgentIdentity}) unless the
 * mapping fixes one, and the resolver grants that principal its banks for the life of the process
 * (per-user parts of a bank become {@code *}; the end user's own permissions still apply through
 * on-behalf-of, so one user never reaches another's bank). {@code agents.<name>} entries get their grants
 * from the configuration.
 *
 * <p>A binding made outside production cannot reach a production bank (declared with
 * {@code banks.<id>.environment: production} or matching {@code agent_cards.production_banks}) unless its
 * mapping sets {@code allow_production_banks}. Resolutions are cached (LRU, {@code agent_cards.cache_size})
 * and every resolution, cache hit or refusal is reported to the {@link ResolutionListener}.
 *
 * <p>The card is not a credential: resolve only cards the application trusts (its own agents, or cards
 * fetched from a verified origin), and take the end user from the authenticated request.
 */
public final class AgentCardResolver {

    private static final Logger AUDIT = LoggerFactory.getLogger("astrocyte.audit.agent_card");
    private static final Logger LOG = LoggerFactory.getLogger(AgentCardResolver.class);

    private record Rule(String name, String principal, BankTemplate defaultBank, List<BankTemplate> readBanks,
            String strategy, Set<Permission> permissions, boolean allowProductionBanks, AgentLimits limits,
            boolean grantsAtRuntime, List<String> environments) {
    }

    private record CacheKey(String cardSha256, String canonicalKey, ExecutionEnvironment environment) {
    }

    private final AstrocyteConfig config;
    private final AgentCardsConfig cards;
    private final UUID namespace;
    private final AccessManager access;
    private final java.util.function.BiConsumer<String, AgentLimits> agentLimits;
    private final ResolutionListener listener;
    private final Clock clock;
    private final Map<String, Rule> agentRules = new HashMap<>();
    private final List<Map.Entry<AgentCardMapping.Match, Rule>> mappingRules = new ArrayList<>();
    private final Map<CacheKey, ResolvedMemoryBinding> cache;
    private final Set<AccessGrant> granted = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private AgentCardResolver(Builder b) {
        this.config = Objects.requireNonNull(b.config, "config");
        this.cards = config.agentCards();
        this.namespace = b.namespace != null ? b.namespace
                : cards.namespace() != null ? UUID.fromString(cards.namespace()) : AgentIdentity.DEFAULT_NAMESPACE;
        this.access = b.access;
        this.agentLimits = b.agentLimits;
        this.listener = b.listener != null ? b.listener : AgentCardResolver::log;
        this.clock = b.clock != null ? b.clock : Clock.systemUTC();
        int size = cards.cacheSize();
        this.cache = java.util.Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<CacheKey, ResolvedMemoryBinding> eldest) {
                return size() > size;
            }
        });
        for (Map.Entry<String, AgentConfig> a : config.agents().entrySet()) {
            agentRules.put(a.getKey().toLowerCase(Locale.ROOT), agentRule(a.getKey(), a.getValue()));
        }
        for (int i = 0; i < cards.mappings().size(); i++) {
            AgentCardMapping m = cards.mappings().get(i);
            String key = "agent_cards.mappings[" + i + "]";
            List<BankTemplate> reads = new ArrayList<>();
            for (String t : m.readBanks()) {
                reads.add(new BankTemplate(key + ".read_banks", t));
            }
            mappingRules.add(Map.entry(m.match(), new Rule(key, m.principal(),
                    new BankTemplate(key + ".default_bank", m.defaultBank()), reads, m.strategy(),
                    permissions(key, m.permissions()), m.allowProductionBanks(),
                    new AgentLimits(m.maxRetainPerMinute(), m.maxRecallPerMinute()), true, m.environments())));
        }
    }

    /** A resolver for {@code brain}'s configuration that grants resolved agents their banks on {@code brain}. */
    public static AgentCardResolver forAstrocyte(Astrocyte brain) {
        return builder(brain.config()).accessManager(brain.access()).agentLimits(brain::registerAgentLimits).build();
    }

    public static Builder builder(AstrocyteConfig config) {
        return new Builder(config);
    }

    /** The card's stable identity under this resolver's namespace. */
    public AgentIdentity identify(AgentCard card) {
        return AgentIdentity.of(card, namespace);
    }

    /**
     * Resolves the binding for an agent card in an environment.
     *
     * @throws AccessDeniedException                 a non-production binding would reach a production bank
     * @throws io.astrocyte.InvalidRequestException  a bank template needs a value the environment lacks
     */
    public ResolvedMemoryBinding resolve(AgentCard card, ExecutionEnvironment environment) {
        Objects.requireNonNull(card, "card");
        Objects.requireNonNull(environment, "environment");
        AgentIdentity id = identify(card);
        CacheKey key = new CacheKey(card.sha256(), id.canonicalKey(), environment);
        ResolvedMemoryBinding cached = cache.get(key);
        if (cached != null) {
            report("cached", id, card, "cache", environment, cached, null);
            return cached;
        }
        Rule rule = ruleFor(card, environment);
        try {
            ResolvedMemoryBinding binding = bind(id, card, rule, environment);
            cache.put(key, binding);
            report("resolved", id, card, rule.name(), environment, binding, null);
            return binding;
        } catch (AstrocyteException e) {
            report("refused", id, card, rule.name(), environment, null, e.getMessage());
            throw e;
        }
    }

    private Rule ruleFor(AgentCard card, ExecutionEnvironment env) {
        Rule exact = agentRules.get(card.name().toLowerCase(Locale.ROOT));
        if (exact != null) {
            return exact;
        }
        for (Map.Entry<AgentCardMapping.Match, Rule> m : mappingRules) {
            List<String> envs = m.getValue().environments();
            if ((envs.isEmpty() || envs.contains(env.environment())) && CardMatcher.matches(m.getKey(), card)) {
                return m.getValue();
            }
        }
        String prefix = config.identity().agentBankPrefix() + "{agent_id}";
        BankTemplate bank = new BankTemplate("default", env.onBehalfOf() == null ? prefix
                : prefix + ":" + config.identity().userBankPrefix() + "{user_id}");
        return new Rule("default", null, bank, List.of(), "parallel", EnumSet.of(Permission.READ, Permission.WRITE),
                false, AgentLimits.NONE, true, List.of());
    }

    private ResolvedMemoryBinding bind(AgentIdentity id, AgentCard card, Rule rule, ExecutionEnvironment env) {
        Map<String, String> values = new HashMap<>();
        values.put("agent_id", id.agentId());
        values.put("env", env.environment());
        ActorIdentity user = env.onBehalfOf() == null ? null : ActorIdentity.parse(env.onBehalfOf());
        if (user != null) {
            values.put("user_id", user.id());
        }
        if (env.tenantId() != null) {
            values.put("tenant_id", env.tenantId());
        }
        if (env.sessionId() != null) {
            values.put("session_id", env.sessionId());
        }
        String principal = rule.principal() != null ? rule.principal() : id.principal();
        String defaultBank = rule.defaultBank().render(values);
        List<String> readBanks = new ArrayList<>();
        for (BankTemplate t : rule.readBanks()) {
            readBanks.add(t.render(values));
        }
        checkEnvironment(principal, env, defaultBank, Permission.WRITE, rule);
        for (String b : readBanks) {
            checkEnvironment(principal, env, b, Permission.READ, rule);
        }
        if (rule.grantsAtRuntime()) {
            grant(principal, rule, values);
        }
        if (agentLimits != null && !rule.limits().equals(AgentLimits.NONE)) {
            agentLimits.accept(principal, rule.limits());
        }
        Map<String, String> claims = new LinkedHashMap<>();
        claims.put("label", id.label());
        claims.put("agent_card_sha256", card.sha256());
        claims.put("environment", env.environment());
        if (env.sandboxId() != null) {
            claims.put("sandbox_id", env.sandboxId());
        }
        ActorIdentity parsed = ActorIdentity.parse(principal);
        ActorIdentity actor = new ActorIdentity(parsed.type(), parsed.id(), claims);
        AstrocyteContext context = new AstrocyteContext(principal, actor, user, env.tenantId());
        return new ResolvedMemoryBinding(context, defaultBank, readBanks, strategy(rule.strategy(), defaultBank,
                readBanks), rule.limits());
    }

    private void checkEnvironment(String principal, ExecutionEnvironment env, String bank, Permission permission,
            Rule rule) {
        if (rule.allowProductionBanks() || cards.productionEnvironments().contains(env.environment())) {
            return;
        }
        boolean production = config.declaredEnvironment(bank, cards.productionEnvironments())
                || cards.productionBanks().stream().anyMatch(g -> new GlobPattern(g).matches(bank));
        if (production) {
            throw new AccessDeniedException(principal, bank, permission, "a binding made in environment '"
                    + env.environment() + "' cannot reach a production bank; " + rule.name()
                    + " would need allow_production_banks");
        }
    }

    /** Grants the agent its banks once per pattern; the end user's rights still bound it via on-behalf-of. */
    private void grant(String principal, Rule rule, Map<String, String> values) {
        if (access == null) {
            return;
        }
        List<AccessGrant> grants = new ArrayList<>();
        GlobPattern who = new GlobPattern(principal);
        grants.add(new AccessGrant(new GlobPattern(rule.defaultBank().grantPattern(values)), who, rule.permissions()));
        for (BankTemplate t : rule.readBanks()) {
            grants.add(new AccessGrant(new GlobPattern(t.grantPattern(values)), who, Set.of(Permission.READ)));
        }
        grants.removeIf(g -> !granted.add(g));
        if (!grants.isEmpty()) {
            access.addRuntimeGrants(grants);
        }
    }

    private static MultiBankStrategy strategy(String name, String defaultBank, List<String> readBanks) {
        return switch (name) {
            case "cascade" -> {
                List<String> order = new ArrayList<>(List.of(defaultBank));
                order.addAll(readBanks);
                yield MultiBankStrategy.cascade(1, order);
            }
            case "first_match" -> MultiBankStrategy.firstMatch();
            default -> MultiBankStrategy.parallel();
        };
    }

    private Rule agentRule(String name, AgentConfig a) {
        String key = "agents." + name;
        LinkedHashSet<String> banks = new LinkedHashSet<>();
        for (String b : concat(a.banks(), a.allowedBanks())) {
            if (b.indexOf('*') < 0) {
                banks.add(b);
            } else {
                GlobPattern glob = new GlobPattern(b);
                config.banks().keySet().stream().filter(glob::matches).forEach(banks::add);
            }
        }
        String defaultBank = a.defaultBank() != null ? a.defaultBank() : banks.stream().findFirst().orElseThrow(
                () -> new ConfigException(key + ": no default_bank, and its bank globs match no declared bank"));
        banks.remove(defaultBank);
        List<BankTemplate> reads = banks.stream().map(b -> new BankTemplate(key + ".banks", b)).toList();
        return new Rule(key, a.principalFor(name), new BankTemplate(key + ".default_bank", defaultBank), reads,
                "parallel", permissions(key, a.permissions()), false,
                new AgentLimits(a.maxRetainPerMinute(), a.maxRecallPerMinute()), false, List.of());
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    private static Set<Permission> permissions(String key, List<String> names) {
        Set<Permission> out = EnumSet.noneOf(Permission.class);
        for (String n : names) {
            out.add(Permission.fromWireName(n).orElseThrow(
                    () -> new ConfigException(key + ".permissions: unknown permission '" + n + "'")));
        }
        return out;
    }

    private void report(String outcome, AgentIdentity id, AgentCard card, String rule, ExecutionEnvironment env,
            ResolvedMemoryBinding binding, String reason) {
        ResolutionEvent event = new ResolutionEvent(clock.instant(), outcome,
                binding != null ? binding.context().principal() : id.principal(), id.label(), card.sha256(), rule,
                env.environment(), env.sandboxId(), env.tenantId(), env.onBehalfOf(),
                binding == null ? null : binding.defaultBank(), binding == null ? null : binding.readBanks(), reason);
        try {
            listener.onResolution(event);
        } catch (RuntimeException e) {
            LOG.warn("agent-card resolution listener failed: {}", e.toString());
        }
    }

    private static void log(ResolutionEvent e) {
        if (!AUDIT.isInfoEnabled()) {
            return;
        }
        AUDIT.info("agent_card.{} principal={} label={} rule={} env={} sandbox={} tenant={} on_behalf_of={} "
                + "default_bank={} read_banks={} card_sha256={}{}", e.outcome(), e.principal(), e.label(), e.rule(),
                e.environment(), e.sandboxId(), e.tenantId(), e.onBehalfOf(), e.defaultBank(), e.readBanks(),
                e.cardSha256(), e.reason().isEmpty() ? "" : " reason=" + e.reason());
    }

    /** Configures an {@link AgentCardResolver}. */
    public static final class Builder {
        private final AstrocyteConfig config;
        private AccessManager access;
        private java.util.function.BiConsumer<String, AgentLimits> agentLimits;
        private ResolutionListener listener;
        private UUID namespace;
        private Clock clock;

        private Builder(AstrocyteConfig config) {
            this.config = config;
        }

        /** Where resolved agents get their bank grants; without one, grants must come from the configuration. */
        public Builder accessManager(AccessManager value) {
            this.access = value;
            return this;
        }

        /**
         * Where resolved agents' own rate limits are registered, e.g. {@code brain::registerAgentLimits};
         * without it they only travel in the binding.
         */
        public Builder agentLimits(java.util.function.BiConsumer<String, AgentLimits> value) {
            this.agentLimits = value;
            return this;
        }

        /** Receives every resolution (default: the {@code astrocyte.audit.agent_card} logger). */
        public Builder listener(ResolutionListener value) {
            this.listener = value;
            return this;
        }

        /** Overrides {@code agent_cards.namespace}. */
        public Builder namespace(UUID value) {
            this.namespace = value;
            return this;
        }

        public Builder clock(Clock value) {
            this.clock = value;
            return this;
        }

        public AgentCardResolver build() {
            return new AgentCardResolver(this);
        }
    }
}
