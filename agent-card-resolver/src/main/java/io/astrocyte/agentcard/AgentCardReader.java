package io.astrocyte.agentcard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Reads A2A agent cards (FRAMEWORKS §4.1) in the v1.0 layout ({@code supportedInterfaces}) and the v0.3
 * layout ({@code url}, {@code preferredTransport}, {@code additionalInterfaces}). Unknown fields are
 * ignored, so cards from newer spec revisions still read; a card without a {@code name} or a
 * {@code provider.organization} is refused with {@link InvalidAgentCardException}.
 */
public final class AgentCardReader {

    /**
     * Largest card read, in bytes (characters for {@link #read(String)}): real cards are a few kilobytes;
     * anything near this is a mistake or an attack, refused before it is parsed.
     */
    public static final int MAX_CARD_BYTES = 1 << 20;
    /** Deepest JSON nesting read; a card's deepest legitimate path is a handful of levels. */
    public static final int MAX_DEPTH = 32;

    private static final ObjectMapper JSON = JsonMapper.builder(com.fasterxml.jackson.core.JsonFactory.builder()
            .streamReadConstraints(com.fasterxml.jackson.core.StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_DEPTH).build()).build()).build();
    private static final ObjectMapper SORTED = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private AgentCardReader() {
    }

    public static AgentCard read(String json) {
        if (json == null) {
            throw new InvalidAgentCardException(null, "no agent card given");
        }
        if (json.length() > MAX_CARD_BYTES) {
            throw new InvalidAgentCardException(null, "the agent card has " + json.length()
                    + " characters, over the limit of " + MAX_CARD_BYTES);
        }
        try {
            return fromTree(JSON.readTree(json));
        } catch (JsonProcessingException e) {
            throw new InvalidAgentCardException("agent card is not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    public static AgentCard read(InputStream in) {
        byte[] bytes;
        try {
            bytes = in.readNBytes(MAX_CARD_BYTES + 1);
        } catch (IOException e) {
            throw new InvalidAgentCardException("cannot read agent card: " + e.getMessage(), e);
        }
        if (bytes.length > MAX_CARD_BYTES) {
            throw new InvalidAgentCardException(null, "the agent card is over the limit of " + MAX_CARD_BYTES
                    + " bytes");
        }
        try {
            return fromTree(JSON.readTree(bytes));
        } catch (IOException e) {
            throw new InvalidAgentCardException("agent card is not valid JSON: " + e.getMessage(), e);
        }
    }

    public static AgentCard read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in);
        } catch (IOException e) {
            throw new InvalidAgentCardException("cannot read agent card " + file + ": " + e.getMessage(), e);
        }
    }

    private static AgentCard fromTree(JsonNode card) {
        if (card == null || !card.isObject()) {
            throw new InvalidAgentCardException(null, "an agent card must be a JSON object");
        }
        String name = text(card, "name");
        if (name == null) {
            throw new InvalidAgentCardException("name", "the agent card has no name");
        }
        JsonNode provider = card.path("provider");
        String organization = text(provider, "organization");
        if (organization == null) {
            throw new InvalidAgentCardException("provider.organization",
                    "agent card '" + name + "' names no provider organization, which its identity needs");
        }
        List<AgentCard.Interface> interfaces = new ArrayList<>();
        String legacyUrl = text(card, "url");
        JsonNode supported = card.path("supportedInterfaces");
        if (supported.isArray() && !supported.isEmpty()) {
            for (JsonNode i : supported) {
                interfaces.add(new AgentCard.Interface(text(i, "url"), text(i, "protocolBinding"), text(i, "tenant"),
                        text(i, "protocolVersion")));
            }
        } else {
            String version = text(card, "protocolVersion");
            if (legacyUrl != null) {
                interfaces.add(new AgentCard.Interface(legacyUrl, text(card, "preferredTransport"), null, version));
            }
            for (JsonNode i : card.path("additionalInterfaces")) {
                interfaces.add(new AgentCard.Interface(text(i, "url"), text(i, "transport"), null, version));
            }
        }
        List<AgentCard.Skill> skills = new ArrayList<>();
        for (JsonNode s : card.path("skills")) {
            List<String> tags = new ArrayList<>();
            s.path("tags").forEach(t -> tags.add(t.asText()));
            skills.add(new AgentCard.Skill(text(s, "id"), text(s, "name"), text(s, "description"), tags));
        }
        Map<String, Object> raw = JSON.convertValue(card, MAP);
        return new AgentCard(name, text(card, "description"), text(card, "version"),
                new AgentCard.Provider(organization, text(provider, "url")), interfaces, legacyUrl, skills,
                keyIds(card.path("signatures")), raw, sha256(raw));
    }

    /** The {@code kid} of each signature's base64url protected header; unreadable headers are skipped. */
    private static List<String> keyIds(JsonNode signatures) {
        List<String> out = new ArrayList<>();
        for (JsonNode s : signatures) {
            String header = text(s, "protected");
            if (header == null) {
                continue;
            }
            try {
                JsonNode decoded = JSON.readTree(Base64.getUrlDecoder().decode(header));
                String kid = text(decoded, "kid");
                if (kid != null) {
                    out.add(kid);
                }
            } catch (IOException | IllegalArgumentException e) {
                // An unreadable header only means this signature contributes no key id.
            }
        }
        return out;
    }

    private static String sha256(Map<String, Object> raw) {
        try {
            byte[] canonical = SORTED.writeValueAsBytes(raw);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot hash agent card", e);
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.path(field);
        if (!v.isValueNode() || v.isNull()) {
            return null;
        }
        String s = v.asText().strip();
        return s.isEmpty() ? null : s;
    }
}
