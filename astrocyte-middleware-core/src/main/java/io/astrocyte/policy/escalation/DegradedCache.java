package io.astrocyte.policy.escalation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The last good result per request for {@code degraded_mode: cache}: bounded (least recently used go
 * first) and only served within its TTL, so an outage never hands back arbitrarily old memory.
 *
 * @param <K> the request (its value equality is the cache key)
 * @param <V> the result
 */
public final class DegradedCache<K, V> {

    private record Entry<V>(V value, Instant storedAt) {
    }

    private final Map<K, Entry<V>> entries;
    private final Duration ttl;
    private final Clock clock;

    public DegradedCache(int maxEntries, Duration ttl, Clock clock) {
        this.ttl = ttl;
        this.clock = clock;
        this.entries = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, Entry<V>> eldest) {
                return size() > maxEntries;
            }
        };
    }

    public synchronized void put(K key, V value) {
        entries.put(key, new Entry<>(value, clock.instant()));
    }

    public synchronized Optional<V> get(K key) {
        Entry<V> e = entries.get(key);
        if (e == null || Duration.between(e.storedAt(), clock.instant()).compareTo(ttl) > 0) {
            return Optional.empty();
        }
        return Optional.of(e.value());
    }
}
