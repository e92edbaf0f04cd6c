package io.astrocyte.benchmarks.locomo;

import java.util.List;

/** A system under test: indexes a conversation's turns and ranks them for a question. */
public interface RetrievalSystem extends AutoCloseable {

    /** A ranked result: the turn it stands for and the text a reader would be given. */
    record Ranked(String diaId, String text, String sampleId) {
    }

    String name();

    /** Indexes one turn; called turn by turn so that per-turn latency can be measured. */
    void index(LocomoDataset.Conversation conversation, LocomoDataset.Turn turn);

    /** The best {@code depth} results for a question about {@code conversation}, best first. */
    List<Ranked> search(LocomoDataset.Conversation conversation, String question, int depth);

    /** Extra per-system facts for the report, e.g. how many turns dedup folded; empty by default. */
    default java.util.Map<String, Object> notes() {
        return java.util.Map.of();
    }

    @Override
    default void close() {
    }
}
