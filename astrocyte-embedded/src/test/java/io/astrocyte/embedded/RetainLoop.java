package io.astrocyte.embedded;

import io.astrocyte.Astrocyte;
import io.astrocyte.api.RetainRequest;
import io.astrocyte.api.RetainResult;
import io.astrocyte.embedding.HashingEmbedder;
import io.astrocyte.identity.AstrocyteContext;
import java.nio.file.Path;

/**
 * Child process for {@link CrashDurabilityTest}: retains memories through the facade on the embedded
 * store in an endless loop and prints {@code ACK <memoryId> <n>} after each acknowledged retain, until
 * the parent kills it.
 */
public final class RetainLoop {

    private RetainLoop() {
    }

    public static void main(String[] args) {
        Path dataDir = Path.of(args[0]);
        AstrocyteContext ctx = AstrocyteContext.of("service:crash-test");
        try (Astrocyte brain = Astrocyte.builder().dataDirectory(dataDir).embedder(new HashingEmbedder(64)).build()) {
            System.out.println("READY " + brain.vectorStore().name());
            System.out.flush();
            for (int n = 0; n < 1_000_000; n++) {
                RetainResult r = brain.retain(RetainRequest.of("crash-bank", "memory number " + n
                        + " written before the crash"), ctx);
                if (r.stored()) {
                    System.out.println("ACK " + r.memoryId() + " " + n);
                    System.out.flush();
                }
            }
        }
    }
}
