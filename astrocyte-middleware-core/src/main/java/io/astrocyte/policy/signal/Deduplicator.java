package io.astrocyte.policy.signal;

import io.astrocyte.config.SignalQualityConfig;
import io.astrocyte.embedding.Vectors;
import io.astrocyte.spi.VectorHit;
import io.astrocyte.spi.VectorStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Finds the chunks of a retain that are near-duplicates of memories already in the bank (SPEC §3.3).
 *
 * <p>It asks the store for each chunk's nearest live neighbour instead of remembering recent embeddings,
 * so it sees everything the bank holds, across restarts and however old. Store scores are
 * {@code (1 + cosine) / 2} ({@link VectorStore#nearestLive}), turned back into cosine here. Chunks of
 * the same retain are also compared with each other.
 *
 * <p>Two concurrent retains of the same text into one bank would each miss the other. Callers therefore
 * hold {@link #lock(String)} while they {@link #find} and {@link #reserve} what they will store, and release
 * the reservation once the store has acknowledged the write: chunks still being written count as
 * neighbours too, and the lock is not held across the store's write. Lock and reservations are per
 * process: instances sharing a store (e.g. a Qdrant cluster) can still race.
 */
public final class Deduplicator {

    /** A chunk found to be a near-duplicate. */
    public record Match(int chunk, String existingId, double similarity) {

        /** Whether the duplicate is another chunk of the same retain rather than a stored memory. */
        public boolean inBatch() {
            return existingId == null;
        }
    }

    /** What was found for one retain, for logs, metrics and hooks. */
    public record Event(String bankId, SignalQualityConfig.DedupAction action, List<Match> matches, int chunks) {
    }

    /** Chunks reserved by retains whose write has not returned yet. */
    public final class Reservation implements AutoCloseable {
        private final String bankId;
        private final List<InFlight> entries;

        private Reservation(String bankId, List<InFlight> entries) {
            this.bankId = bankId;
            this.entries = entries;
        }

        @Override
        public void close() {
            if (!entries.isEmpty()) {
                inFlight.computeIfPresent(bankId, (k, set) -> {
                    entries.forEach(set::remove);
                    return set.isEmpty() ? null : set;
                });
            }
        }
    }

    /** Identity-compared on purpose: two reservations of equal content are two entries. */
    private static final class InFlight {
        final String id;
        final float[] unit;

        InFlight(String id, float[] unit) {
            this.id = id;
            this.unit = unit;
        }
    }

    private static final int STRIPES = 64;
    private final Map<String, Set<InFlight>> inFlight = new ConcurrentHashMap<>();

    private final VectorStore store;
    private final Function<String, SignalQualityConfig.Dedup> configFor;
    private final Consumer<Event> observer;
    private final ReentrantLock[] locks = new ReentrantLock[STRIPES];

    /**
     * @param configFor the dedup settings of a bank (global or the bank's override)
     * @param observer  told about every retain that has duplicates; must not throw
     */
    public Deduplicator(VectorStore store, Function<String, SignalQualityConfig.Dedup> configFor,
            Consumer<Event> observer) {
        this.store = store;
        this.configFor = configFor;
        this.observer = observer;
        for (int i = 0; i < STRIPES; i++) {
            locks[i] = new ReentrantLock();
        }
    }

    public SignalQualityConfig.Dedup config(String bankId) {
        return configFor.apply(bankId);
    }

    /** Serializes check-then-write per bank (striped, so unrelated banks rarely wait on each other). */
    public ReentrantLock lock(String bankId) {
        return locks[Math.floorMod(bankId.hashCode(), STRIPES)];
    }

    /**
     * The chunks whose vectors lie within the bank's similarity threshold of a stored live memory or of an
     * earlier chunk of the same retain, in chunk order; empty when none are, or when dedup is off.
     */
    public List<Match> find(String bankId, List<float[]> vectors) {
        return find(bankId, vectors, configFor.apply(bankId));
    }

    /** As {@link #find(String, List)} with other settings than the bank's (a MIP pipeline's dedup). */
    public List<Match> find(String bankId, List<float[]> vectors, SignalQualityConfig.Dedup config) {
        if (!config.enabled()) {
            return List.of();
        }
        double threshold = config.similarityThreshold();
        List<Match> matches = new ArrayList<>();
        List<float[]> seen = new ArrayList<>(vectors.size());
        for (int i = 0; i < vectors.size(); i++) {
            float[] unit = Vectors.normalized(vectors.get(i));
            Match match = null;
            for (float[] earlier : seen) {
                double cosine = Vectors.dot(unit, earlier);
                if (cosine >= threshold) {
                    match = new Match(i, null, cosine);
                    break;
                }
            }
            if (match == null) {
                Set<InFlight> pending = inFlight.get(bankId);
                if (pending != null) {
                    for (InFlight f : pending) {
                        double cosine = Vectors.dot(unit, f.unit);
                        if (cosine >= threshold) {
                            match = new Match(i, f.id, cosine);
                            break;
                        }
                    }
                }
            }
            if (match == null) {
                Optional<VectorHit> nearest = store.nearestLive(vectors.get(i), bankId);
                if (nearest.isPresent()) {
                    double cosine = 2 * nearest.get().score() - 1;
                    if (cosine >= threshold) {
                        match = new Match(i, nearest.get().id(), cosine);
                    }
                }
            }
            if (match != null) {
                matches.add(match);
            }
            seen.add(unit);
        }
        if (!matches.isEmpty()) {
            observer.accept(new Event(bankId, config.action(), List.copyOf(matches), vectors.size()));
        }
        return matches;
    }

    /**
     * Marks {@code ids} with their {@code vectors} as being written into the bank, so that {@link #find}
     * treats them as stored until the reservation is closed. Call while holding {@link #lock(String)}.
     */
    public Reservation reserve(String bankId, List<String> ids, List<float[]> vectors) {
        List<InFlight> entries = new ArrayList<>(ids.size());
        for (int i = 0; i < ids.size(); i++) {
            entries.add(new InFlight(ids.get(i), Vectors.normalized(vectors.get(i))));
        }
        if (!entries.isEmpty()) {
            inFlight.compute(bankId, (k, set) -> {
                Set<InFlight> s = set != null ? set : ConcurrentHashMap.newKeySet();
                s.addAll(entries);
                return s;
            });
        }
        return new Reservation(bankId, entries);
    }
}
