package io.astrocyte.agentcard;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.Locale;
import java.util.UUID;

/**
 * The stable identity of an agent derived from its card (FRAMEWORKS §4.2): a canonical key of provider
 * organization, name, origin of the first interface URL (legacy {@code url} as fallback) and tenant, each
 * NFC-normalized, lower-cased, trimmed and without trailing slashes. Version, skills and description are
 * left out, so an upgraded agent keeps its memory; the same name under another organization or origin is
 * another agent.
 *
 * @param principal    {@code agent:<uuidv5 of the key>}
 * @param uuid         the UUIDv5
 * @param label        readable form, {@code a2a://{org}/{name}[@tenant]}
 * @param agentId      bank-safe slug of {@code {tenant|org}-{name}} plus 8 hex characters of the UUID,
 *                     the value of {@code {agent_id}} in bank templates
 * @param canonicalKey the normalized key the UUID is derived from
 */
public record AgentIdentity(String principal, UUID uuid, String label, String agentId, String canonicalKey) {

    /** The project's UUIDv5 namespace for agent principals (fixed: changing it changes every agent's identity). */
    public static final UUID DEFAULT_NAMESPACE = UUID.fromString("64b78324-6f04-4845-a760-407349503249");

    /** The identity of {@code card} under {@code namespace}. */
    public static AgentIdentity of(AgentCard card, UUID namespace) {
        String org = normalize(card.provider().organization());
        String name = normalize(card.name());
        String origin = origin(card.primaryUrl());
        String tenant = normalize(card.tenant());
        String key = String.join("\n", org, name, origin, tenant);
        UUID uuid = uuidV5(namespace, key);
        String label = "a2a://" + org + "/" + name + (tenant.isEmpty() ? "" : "@" + tenant);
        String slug = slug((tenant.isEmpty() ? org : tenant) + "-" + name);
        String agentId = slug + "-" + uuid.toString().substring(0, 8);
        return new AgentIdentity("agent:" + uuid, uuid, label, agentId, key);
    }

    static String normalize(String value) {
        if (value == null) {
            return "";
        }
        String s = Normalizer.normalize(value, Normalizer.Form.NFC).strip().toLowerCase(Locale.ROOT);
        while (s.endsWith("/")) {
            s = s.substring(0, s.length() - 1);
        }
        return s;
    }

    /** {@code scheme://host[:port]} with default ports dropped; the normalized text when it is not a URL. */
    static String origin(String url) {
        String normalized = normalize(url);
        if (normalized.isEmpty()) {
            return "";
        }
        try {
            URI uri = new URI(normalized);
            if (uri.getScheme() == null || uri.getHost() == null) {
                return normalized;
            }
            int port = uri.getPort();
            boolean defaultPort = port == -1 || (port == 443 && uri.getScheme().equals("https"))
                    || (port == 80 && uri.getScheme().equals("http"));
            return uri.getScheme() + "://" + uri.getHost() + (defaultPort ? "" : ":" + port);
        } catch (URISyntaxException e) {
            return normalized;
        }
    }

    private static String slug(String text) {
        String s = Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}", "")
                .replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (s.length() > 48) {
            s = s.substring(0, 48).replaceAll("-+$", "");
        }
        return s.isEmpty() ? "agent" : s;
    }

    /** RFC 9562 name-based UUID with SHA-1 (version 5). */
    static UUID uuidV5(UUID namespace, String name) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            ByteBuffer ns = ByteBuffer.allocate(16);
            ns.putLong(namespace.getMostSignificantBits()).putLong(namespace.getLeastSignificantBits());
            sha1.update(ns.array());
            byte[] hash = sha1.digest(name.getBytes(StandardCharsets.UTF_8));
            hash[6] = (byte) ((hash[6] & 0x0f) | 0x50);
            hash[8] = (byte) ((hash[8] & 0x3f) | 0x80);
            ByteBuffer b = ByteBuffer.wrap(hash, 0, 16);
            return new UUID(b.getLong(), b.getLong());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is required by the Java platform", e);
        }
    }
}
