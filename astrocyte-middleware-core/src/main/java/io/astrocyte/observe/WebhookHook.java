package io.astrocyte.observe;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.astrocyte.api.MemoryEvent;
import io.astrocyte.config.HookConfig;
import io.astrocyte.spi.MemoryEventListener;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Sends events as JSON to a URL: {@code event_id, type, timestamp, bank_id, data, trace_id}. With a
 * secret, header {@code X-Astrocyte-Signature: sha256=<hex HMAC-SHA256 of the body>} lets the receiver
 * check origin and integrity. A non-2xx answer or an I/O error is retried {@code retry_count} times.
 */
public final class WebhookHook implements MemoryEventListener {

    /** The signature header. */
    public static final String SIGNATURE_HEADER = "X-Astrocyte-Signature";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HookConfig config;
    private final HttpClient http;

    public WebhookHook(HookConfig config) {
        this.config = config;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(config.timeoutMs())).build();
    }

    @Override
    public boolean includeContent() {
        return config.includeContent();
    }

    @Override
    public void onEvent(MemoryEvent event) {
        if (!config.events().contains(event.type())) {
            return;
        }
        byte[] body = body(event);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(config.url()))
                .timeout(Duration.ofMillis(config.timeoutMs()))
                .header("Content-Type", "application/json")
                .method(config.method(), HttpRequest.BodyPublishers.ofByteArray(body));
        config.headers().forEach(request::header);
        if (config.secret() != null) {
            request.header(SIGNATURE_HEADER, "sha256=" + sign(config.secret(), body));
        }
        HttpRequest built = request.build();
        String failure = null;
        for (int attempt = 0; attempt <= config.retryCount(); attempt++) {
            if (attempt > 0) {
                pause();
            }
            try {
                int status = http.send(built, HttpResponse.BodyHandlers.discarding()).statusCode();
                if (status / 100 == 2) {
                    return;
                }
                failure = "HTTP " + status;
            } catch (IOException e) {
                failure = e.toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while sending " + event.type(), e);
            }
        }
        throw new IllegalStateException("webhook " + config.url() + " failed " + (config.retryCount() + 1)
                + " times for " + event.type() + ": " + failure);
    }

    /** Hex HMAC-SHA256 of {@code body} under {@code secret}, as the receiver should recompute it. */
    public static String sign(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is required by the Java platform", e);
        }
    }

    private static byte[] body(MemoryEvent event) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("event_id", event.eventId());
        json.put("type", event.type());
        json.put("timestamp", event.timestamp().toString());
        json.put("bank_id", event.bankId());
        json.put("data", event.data());
        json.put("trace_id", event.traceId());
        try {
            return JSON.writeValueAsBytes(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize " + event.type(), e);
        }
    }

    private void pause() {
        try {
            Thread.sleep(config.retryDelayMs());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
