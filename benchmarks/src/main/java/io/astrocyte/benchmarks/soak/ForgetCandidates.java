package io.astrocyte.benchmarks.soak;

import java.util.Optional;
import java.util.Random;

/**
 * A bounded pool of acknowledged memories the soak may forget: when full, a new memory replaces a random
 * one, so the pool stays the same size however long the run.
 */
final class ForgetCandidates {

    /** A memory and its bank. */
    record Candidate(String id, String bank) {
    }

    private final Candidate[] slots;
    private int size;

    ForgetCandidates(int capacity) {
        this.slots = new Candidate[capacity];
    }

    synchronized void add(String id, String bank, Random random) {
        Candidate c = new Candidate(id, bank);
        if (size < slots.length) {
            slots[size++] = c;
        } else {
            slots[random.nextInt(slots.length)] = c;
        }
    }

    /** Removes and returns a random candidate, if any. */
    synchronized Optional<Candidate> take(Random random) {
        if (size == 0) {
            return Optional.empty();
        }
        int i = random.nextInt(size);
        Candidate c = slots[i];
        slots[i] = slots[--size];
        slots[size] = null;
        return Optional.of(c);
    }
}
