package io.astrocyte.pipeline;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;

/**
 * Counts tokens with OpenAI's {@code cl100k_base} encoding (jtokkit), the one counter every budget in
 * Astrocyte and its benchmarks uses (SPEC §3.1).
 */
public final class TokenCounter {

    private static final Encoding CL100K = Encodings.newLazyEncodingRegistry().getEncoding(EncodingType.CL100K_BASE);

    private TokenCounter() {
    }

    public static int count(String text) {
        return text == null || text.isEmpty() ? 0 : CL100K.countTokensOrdinary(text);
    }

    /** The longest prefix of {@code text} that fits in {@code maxTokens}, cut at a token boundary. */
    public static String truncate(String text, int maxTokens) {
        var tokens = CL100K.encodeOrdinary(text, maxTokens);
        return tokens.isTruncated() ? CL100K.decode(tokens.getTokens()) : text;
    }
}
