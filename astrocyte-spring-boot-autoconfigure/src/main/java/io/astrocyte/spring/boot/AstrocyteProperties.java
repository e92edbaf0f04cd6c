package io.astrocyte.spring.boot;

import io.astrocyte.springai.AstrocyteMemoryAdvisor;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The starter's own {@code astrocyte.*} settings: where data lives and how the Spring AI pieces are wired.
 * Every other key under {@code astrocyte.*} is the {@code astrocyte.yaml} tree of SPEC §7 (homeostasis,
 * barriers, access-control, banks, signal-quality, …), written in properties or YAML form, with kebab-case
 * or snake_case keys; an unknown or unsupported key fails startup with its name.
 */
@ConfigurationProperties("astrocyte")
public class AstrocyteProperties {

    /** Starter keys; everything else under astrocyte.* is the astrocyte.yaml tree. */
    static final java.util.List<String> OWN_KEYS = java.util.List.of("enabled", "config-file", "data-dir",
            "annotations", "spring-ai", "advisor", "tools", "chat-memory", "binding", "qdrant", "actuator");

    /** Whether the starter configures Astrocyte at all. */
    private boolean enabled = true;

    /**
     * An astrocyte.yaml to start from (e.g. {@code classpath:astrocyte.yaml} or a file path); astrocyte.*
     * properties override its keys.
     */
    private String configFile;

    /** Folder of the embedded store (Lucene index, governance files, chat windows). */
    private Path dataDir = Path.of("astrocyte-data");

    private final Annotations annotations = new Annotations();

    private final SpringAi springAi = new SpringAi();
    private final Advisor advisor = new Advisor();
    private final Tools tools = new Tools();
    private final ChatMemory chatMemory = new ChatMemory();
    private final Binding binding = new Binding();
    private final Qdrant qdrant = new Qdrant();
    private final Actuator actuator = new Actuator();

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public String getConfigFile() {
        return configFile;
    }

    public void setConfigFile(String configFile) {
        this.configFile = configFile;
    }

    public Path getDataDir() {
        return dataDir;
    }

    public void setDataDir(Path dataDir) {
        this.dataDir = dataDir;
    }

    public Annotations getAnnotations() {
        return annotations;
    }

    public SpringAi getSpringAi() {
        return springAi;
    }

    public Advisor getAdvisor() {
        return advisor;
    }

    public Tools getTools() {
        return tools;
    }

    public ChatMemory getChatMemory() {
        return chatMemory;
    }

    public Binding getBinding() {
        return binding;
    }

    public Qdrant getQdrant() {
        return qdrant;
    }

    public Actuator getActuator() {
        return actuator;
    }

    /** The actuator endpoint {@code astrocytebanks} (bank health). */
    public static class Actuator {

        /**
         * The principal the endpoint reads bank health as. It sees only the banks this principal may read, so
         * nothing shows until an access grant gives it read (e.g. on bank pattern "*").
         */
        private String principal = "service:actuator";

        public String getPrincipal() {
            return principal;
        }

        public void setPrincipal(String principal) {
            this.principal = principal;
        }
    }

    /** Which of the application's Spring AI models Astrocyte uses. */
    public static class SpringAi {

        /** Embed with the application's EmbeddingModel bean when there is exactly one. */
        private boolean useEmbeddingModel = true;

        /**
         * Name of the embedding space when the application's EmbeddingModel is used, e.g.
         * text-embedding-3-small; stores refuse to mix spaces. Defaults to the model's class name.
         */
        private String embeddingModelId;

        /** Let reflect ask the application's ChatModel bean when there is exactly one. */
        private boolean useChatModel = true;

        public boolean isUseEmbeddingModel() {
            return useEmbeddingModel;
        }

        public void setUseEmbeddingModel(boolean useEmbeddingModel) {
            this.useEmbeddingModel = useEmbeddingModel;
        }

        public String getEmbeddingModelId() {
            return embeddingModelId;
        }

        public void setEmbeddingModelId(String embeddingModelId) {
            this.embeddingModelId = embeddingModelId;
        }

        public boolean isUseChatModel() {
            return useChatModel;
        }

        public void setUseChatModel(boolean useChatModel) {
            this.useChatModel = useChatModel;
        }
    }

    /** The AstrocyteMemoryAdvisor bean. */
    public static class Advisor {

        /** Register the memory advisor bean. */
        private boolean enabled = true;

        /** What is added to the prompt: the recalled memories or one reflected answer. */
        private AstrocyteMemoryAdvisor.Source source = AstrocyteMemoryAdvisor.Source.RECALL;

        /** Memories recalled per call. */
        private int maxResults = 5;

        /** Token budget of what is added; unset uses the policy's recall/reflect budget. */
        private Integer maxTokens;

        /** What completed calls retain: off, user_facts, completions or turns. */
        private io.astrocyte.integration.AutoRetainMode autoRetain = io.astrocyte.integration.AutoRetainMode.OFF;

        /** System-message addition; must contain {memories}. */
        private String template = AstrocyteMemoryAdvisor.DEFAULT_TEMPLATE;

        /** Advisor order; the default runs after chat memory and outside the tool loop. */
        private int order = AstrocyteMemoryAdvisor.DEFAULT_ORDER;

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public AstrocyteMemoryAdvisor.Source getSource() {
            return source;
        }

        public void setSource(AstrocyteMemoryAdvisor.Source source) {
            this.source = source;
        }

        public int getMaxResults() {
            return maxResults;
        }

        public void setMaxResults(int maxResults) {
            this.maxResults = maxResults;
        }

        public Integer getMaxTokens() {
            return maxTokens;
        }

        public void setMaxTokens(Integer maxTokens) {
            this.maxTokens = maxTokens;
        }

        public io.astrocyte.integration.AutoRetainMode getAutoRetain() {
            return autoRetain;
        }

        public void setAutoRetain(io.astrocyte.integration.AutoRetainMode autoRetain) {
            this.autoRetain = autoRetain;
        }

        public String getTemplate() {
            return template;
        }

        public void setTemplate(String template) {
            this.template = template;
        }

        public int getOrder() {
            return order;
        }

        public void setOrder(int order) {
            this.order = order;
        }
    }

    /** The memory tools and the tool-call recorder. */
    public static class Tools {

        /** Register the AstrocyteMemoryTools bean. */
        private boolean enabled = true;

        /** Memories memory_recall returns. */
        private int maxResults = 5;

        /** Offer memory_forget to the model. */
        private boolean allowForget;

        /** Register the AstrocyteToolCallRecorder advisor, which remembers finished tool calls. */
        private boolean recordCalls;

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public int getMaxResults() {
            return maxResults;
        }

        public void setMaxResults(int maxResults) {
            this.maxResults = maxResults;
        }

        public boolean isAllowForget() {
            return allowForget;
        }

        public void setAllowForget(boolean allowForget) {
            this.allowForget = allowForget;
        }

        public boolean isRecordCalls() {
            return recordCalls;
        }

        public void setRecordCalls(boolean recordCalls) {
            this.recordCalls = recordCalls;
        }
    }

    /** The file-backed ChatMemoryRepository for Spring AI's short-term window. */
    public static class ChatMemory {

        /** Register AstrocyteChatMemoryRepository as the ChatMemoryRepository. */
        private boolean enabled;

        /** Its folder; defaults to chat-memory inside data-dir. */
        private Path dir;

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public Path getDir() {
            return dir;
        }

        public void setDir(Path dir) {
            this.dir = dir;
        }
    }

    /** How calls without explicit astrocyte.principal / astrocyte.bank parameters find their identity. */
    public static class Binding {

        /**
         * Treat the chat conversation id as the end user's id (principal user:&lt;id&gt;, bank
         * &lt;user-bank-prefix&gt;&lt;id&gt;). Off by default: without it or a MemoryBindingResolver bean, calls
         * without explicit identity are refused.
         */
        private boolean conversationIdAsUser;

        /** Bank prefix for users (Spring Security and conversation-id-as-user). */
        private String userBankPrefix = "user-";

        /**
         * Use the signed-in Spring Security user (principal user:&lt;name&gt;, bank &lt;user-bank-prefix&gt;&lt;name&gt;)
         * when Spring Security is on the classpath.
         */
        private boolean springSecurity = true;

        public boolean isSpringSecurity() {
            return springSecurity;
        }

        public void setSpringSecurity(boolean springSecurity) {
            this.springSecurity = springSecurity;
        }

        public boolean isConversationIdAsUser() {
            return conversationIdAsUser;
        }

        public void setConversationIdAsUser(boolean conversationIdAsUser) {
            this.conversationIdAsUser = conversationIdAsUser;
        }

        public String getUserBankPrefix() {
            return userBankPrefix;
        }

        public void setUserBankPrefix(String userBankPrefix) {
            this.userBankPrefix = userBankPrefix;
        }
    }

    /** Qdrant as the store; setting a host switches vector_store to qdrant. */
    public static class Qdrant {

        /** Qdrant host; when set, memory is stored in Qdrant instead of the embedded store. */
        private String host;

        /** Qdrant gRPC port. */
        private int port = 6334;

        /** Use TLS. */
        private boolean tls;

        /** API key, if the server requires one. */
        private String apiKey;

        /** Collection name. */
        private String collection = "astrocyte";

        /** Shards of a new collection (cluster); default Qdrant's (the node count). */
        private Integer shardNumber;

        /** Replicas per shard of a new collection (cluster); default Qdrant's (1). */
        private Integer replicationFactor;

        /** Replicas that must acknowledge each write, for a new collection; default Qdrant's (1). */
        private Integer writeConsistencyFactor;

        /**
         * How writes are ordered across replicas: weak, medium (default: through a leader, so a retain and a
         * later forget of one memory apply in the same order everywhere) or strong.
         */
        private String writeOrdering;

        /**
         * How many replicas answer a read: all, majority, quorum or one. Default: majority when the collection
         * has more than one replica, so reads see acknowledged writes.
         */
        private String readConsistency;

        /** HNSW search breadth for dense queries; default Qdrant's. Higher finds more true neighbours, slower. */
        private Integer hnswEf;

        /** Scan exactly instead of using HNSW for dense queries: recall 1.0, cost linear in the bank. */
        private boolean exactSearch;

        public String getHost() {
            return host;
        }

        public void setHost(String host) {
            this.host = host;
        }

        public int getPort() {
            return port;
        }

        public void setPort(int port) {
            this.port = port;
        }

        public boolean isTls() {
            return tls;
        }

        public void setTls(boolean tls) {
            this.tls = tls;
        }

        public String getApiKey() {
            return apiKey;
        }

        public void setApiKey(String apiKey) {
            this.apiKey = apiKey;
        }

        public String getCollection() {
            return collection;
        }

        public void setCollection(String collection) {
            this.collection = collection;
        }

        public Integer getShardNumber() {
            return shardNumber;
        }

        public void setShardNumber(Integer shardNumber) {
            this.shardNumber = shardNumber;
        }

        public Integer getReplicationFactor() {
            return replicationFactor;
        }

        public void setReplicationFactor(Integer replicationFactor) {
            this.replicationFactor = replicationFactor;
        }

        public Integer getWriteConsistencyFactor() {
            return writeConsistencyFactor;
        }

        public void setWriteConsistencyFactor(Integer writeConsistencyFactor) {
            this.writeConsistencyFactor = writeConsistencyFactor;
        }

        public String getWriteOrdering() {
            return writeOrdering;
        }

        public void setWriteOrdering(String writeOrdering) {
            this.writeOrdering = writeOrdering;
        }

        public String getReadConsistency() {
            return readConsistency;
        }

        public void setReadConsistency(String readConsistency) {
            this.readConsistency = readConsistency;
        }

        public Integer getHnswEf() {
            return hnswEf;
        }

        public void setHnswEf(Integer hnswEf) {
            this.hnswEf = hnswEf;
        }

        public boolean isExactSearch() {
            return exactSearch;
        }

        public void setExactSearch(boolean exactSearch) {
            this.exactSearch = exactSearch;
        }

        /** The settings beyond the connection, as {@code vector_store_config} keys; unset ones are left out. */
        java.util.Map<String, Object> storeSettings() {
            java.util.Map<String, Object> out = new java.util.LinkedHashMap<>();
            putIfSet(out, "shard_number", shardNumber);
            putIfSet(out, "replication_factor", replicationFactor);
            putIfSet(out, "write_consistency_factor", writeConsistencyFactor);
            putIfSet(out, "write_ordering", writeOrdering);
            putIfSet(out, "read_consistency", readConsistency);
            putIfSet(out, "hnsw_ef", hnswEf);
            if (exactSearch) {
                out.put("exact_search", true);
            }
            return out;
        }

        private static void putIfSet(java.util.Map<String, Object> out, String key, Object value) {
            if (value != null && !(value instanceof String text && text.isBlank())) {
                out.put(key, value);
            }
        }
    }

    /**
     * The memory annotations ({@code @MemoryScope}, {@code @Remember}, {@code @Recall}); not to be confused
     * with {@code astrocyte.hooks}, the webhooks and log hooks memory events go to.
     */
    public static class Annotations {

        /** Whether {@code @MemoryScope}, {@code @Remember} and {@code @Recall} are honoured on Spring beans. */
        private boolean enabled = true;

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }
    }
}
