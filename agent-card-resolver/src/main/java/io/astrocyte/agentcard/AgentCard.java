package io.astrocyte.agentcard;

import java.util.List;
import java.util.Map;

/**
 * The parts of an A2A agent card that identity and bank mapping use, read from either the v0.3 or the
 * v1.0 JSON layout ({@link AgentCardReader}). Fields a card does not carry are {@code null} or empty.
 *
 * @param provider            who publishes the agent; required
 * @param interfaces          where the agent is served, in preference order: v1.0 {@code supportedInterfaces},
 *                            or for v0.3 the main {@code url} followed by {@code additionalInterfaces}
 * @param legacyUrl           the v0.3 card-level {@code url}, if present
 * @param signatureKeyIds     {@code kid}s found in the protected headers of {@code signatures} (not verified)
 * @param sha256              hex SHA-256 of the card's JSON with keys sorted, to store next to writes
 */
public record AgentCard(String name, String description, String version, Provider provider,
        List<Interface> interfaces, String legacyUrl, List<Skill> skills, List<String> signatureKeyIds,
        Map<String, Object> raw, String sha256) {

    /** {@code provider}: the organization that publishes the agent. */
    public record Provider(String organization, String url) {
    }

    /** One endpoint of the agent; {@code tenant} exists only in v1.0 cards. */
    public record Interface(String url, String protocolBinding, String tenant, String protocolVersion) {
    }

    /** A declared skill; mappings can match on its id, name or tags. */
    public record Skill(String id, String name, String description, List<String> tags) {

        public Skill {
            tags = tags == null ? List.of() : List.copyOf(tags);
        }
    }

    public AgentCard {
        interfaces = interfaces == null ? List.of() : List.copyOf(interfaces);
        skills = skills == null ? List.of() : List.copyOf(skills);
        signatureKeyIds = signatureKeyIds == null ? List.of() : List.copyOf(signatureKeyIds);
        raw = raw == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(raw));
    }

    /** The URL identity uses: the first interface's, else the legacy {@code url}; {@code null} when neither exists. */
    public String primaryUrl() {
        return !interfaces.isEmpty() && interfaces.get(0).url() != null ? interfaces.get(0).url() : legacyUrl;
    }

    /** The tenant of the first interface, if any. */
    public String tenant() {
        return interfaces.isEmpty() ? null : interfaces.get(0).tenant();
    }
}
