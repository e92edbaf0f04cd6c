package io.astrocyte.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.astrocyte.ConfigException;
import io.astrocyte.api.MemoryEvent;
import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * One entry of {@code hooks} (SPEC §6.5): a {@code webhook} that POSTs each event as JSON, or a {@code log}
 * hook that writes it to the {@code astrocyte.hooks} logger.
 *
 * @param events        event types to send (default: all)
 * @param url           webhook target; HTTPS unless the host is loopback
 * @param secret        signs the body: header {@code X-Astrocyte-Signature: sha256=<hex HMAC-SHA256>}
 * @param timeoutMs     per attempt (default 5000)
 * @param retryCount    further attempts after a failure (default 2)
 * @param retryDelayMs  between attempts (default 1000)
 * @param async         send off the request thread (default true); a synchronous hook still never fails the call
 * @param includeContent put memory text (content, query, answer) into the event (default false)
 */
public record HookConfig(Type type, List<String> events, String url, String method, Map<String, String> headers,
        String secret, Integer timeoutMs, Integer retryCount, Integer retryDelayMs, Boolean async,
        Boolean includeContent) {

    public enum Type {
        @JsonProperty("webhook") WEBHOOK,
        @JsonProperty("log") LOG
    }

    public HookConfig {
        if (type == null) {
            throw new ConfigException("hooks[].type: is required (webhook or log)");
        }
        events = events == null || events.isEmpty() ? MemoryEvent.TYPES : List.copyOf(events);
        for (String e : events) {
            if (!MemoryEvent.TYPES.contains(e)) {
                throw new ConfigException("hooks[].events: unknown event '" + e + "' (" + String.join(", ",
                        MemoryEvent.TYPES) + ")");
            }
        }
        method = method == null ? "POST" : method;
        headers = headers == null ? Map.of() : Map.copyOf(headers);
        timeoutMs = timeoutMs == null ? 5000 : timeoutMs;
        retryCount = retryCount == null ? 2 : retryCount;
        retryDelayMs = retryDelayMs == null ? 1000 : retryDelayMs;
        async = async == null || async;
        includeContent = includeContent != null && includeContent;
        ConfigChecks.positive("hooks[].timeout_ms", timeoutMs);
        ConfigChecks.nonNegative("hooks[].retry_count", retryCount);
        ConfigChecks.nonNegative("hooks[].retry_delay_ms", retryDelayMs);
        if (type == Type.WEBHOOK) {
            checkUrl(url);
        }
    }

    private static void checkUrl(String url) {
        if (url == null || url.isBlank()) {
            throw new ConfigException("hooks[].url: is required for a webhook");
        }
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("hooks[].url: not a URL: '" + url + "'", e);
        }
        String host = uri.getHost();
        boolean loopback = host != null && (host.equals("localhost") || host.equals("127.0.0.1")
                || host.equals("[::1]") || host.equals("::1"));
        if (!"https".equalsIgnoreCase(uri.getScheme()) && !(loopback && "http".equalsIgnoreCase(uri.getScheme()))) {
            throw new ConfigException("hooks[].url: webhooks must use https (plain http only to a loopback address): '"
                    + url + "'");
        }
    }
}
