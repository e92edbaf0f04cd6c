package io.astrocyte.embedded;

import io.astrocyte.Astrocyte;
import io.astrocyte.api.ForgetRequest;
import io.astrocyte.api.RetainRequest;
import io.astrocyte.api.RetainResult;
import io.astrocyte.embedding.HashingEmbedder;
import io.astrocyte.identity.AstrocyteContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Child process for {@link CrashDurabilityTest}: four writer threads retain through the facade on the
 * embedded store, and now and then forget one of their own memories, until the parent kills the process.
 * Prints {@code ACK <id>} after each acknowledged retain, {@code FORGETTING <id>} before a forget and
 * {@code FORGOT <id>} after it returned.
 */
public final class WriteLoad {

    static final String BANK = "crash-bank";
    static final int WRITERS = 4;

    private WriteLoad() {
    }

    public static void main(String[] args) throws InterruptedException {
        Path dataDir = Path.of(args[0]);
        String round = args[1];
        AstrocyteContext ctx = AstrocyteContext.of("service:crash-test");
        Astrocyte brain = Astrocyte.builder().dataDirectory(dataDir).embedder(new HashingEmbedder(64)).build();
        System.out.println("READY " + brain.vectorStore().name());
        List<Thread> writers = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            int writer = w;
            Thread t = new Thread(() -> {
                Random random = new Random(writer * 31L + round.hashCode());
                List<String> mine = new ArrayList<>();
                for (int n = 0; ; n++) {
                    if (!mine.isEmpty() && random.nextInt(5) == 0) {
                        String id = mine.remove(random.nextInt(mine.size()));
                        System.out.println("FORGETTING " + id);
                        brain.forget(ForgetRequest.byIds(BANK, List.of(id)), ctx);
                        System.out.println("FORGOT " + id);
                        continue;
                    }
                    RetainResult r = brain.retain(RetainRequest.of(BANK, "round " + round + " writer " + writer
                            + " memory " + n + " written before the crash"), ctx);
                    if (r.stored()) {
                        mine.add(r.memoryId());
                        System.out.println("ACK " + r.memoryId());
                    }
                }
            }, "writer-" + w);
            t.setDaemon(true);
            t.start();
            writers.add(t);
        }
        for (Thread t : writers) {
            t.join();
        }
    }
}
