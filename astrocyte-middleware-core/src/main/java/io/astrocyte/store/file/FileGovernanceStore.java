package io.astrocyte.store.file;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.astrocyte.ConfigException;
import io.astrocyte.api.LegalHold;
import io.astrocyte.identity.AccessGrant;
import io.astrocyte.identity.GlobPattern;
import io.astrocyte.identity.Permission;
import io.astrocyte.spi.GovernanceStore;
import io.astrocyte.store.GrantTable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Governance state as JSON files in a folder. Each change writes a new file, fsyncs it and renames it
 * over the old one atomically, so a crash leaves either the old or the new state, never a torn file.
 * One process at a time should use a folder (the embedded store's lock already ensures that for its
 * data folder).
 */
public final class FileGovernanceStore implements GovernanceStore {

    private static final String OWNERS = "owners.json";
    private static final String GRANTS = "grants.json";
    private static final String QUOTAS = "quotas.json";
    private static final String HOLDS = "legal-holds.json";
    private static final String COUNTERS = "bank-counters.json";
    private static final TypeReference<TreeMap<String, TreeMap<String, Long>>> COUNTER_MAP = new TypeReference<>() {
    };
    private static final TypeReference<List<StoredHold>> HOLD_LIST = new TypeReference<>() {
    };

    /** The on-disk shape of one legal hold; times as ISO-8601 text. */
    private record StoredHold(String bank, String hold, String reason, String setBy, String setAt) {
    }
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<TreeMap<String, String>> MAP = new TypeReference<>() {
    };
    private static final TypeReference<List<StoredGrant>> GRANT_LIST = new TypeReference<>() {
    };

    /** The on-disk shape of one grant: plain strings, so the file stays readable and diffable. */
    private record StoredGrant(String bank, String principal, List<String> permissions) {
    }

    private final Path dir;
    private final Map<String, String> owners;
    private GrantTable grants;
    private List<LegalHold> holds;

    public FileGovernanceStore(Path dir) {
        this.dir = dir;
        try {
            Files.createDirectories(dir);
            Path file = dir.resolve(OWNERS);
            this.owners = Files.exists(file) ? JSON.readValue(file.toFile(), MAP) : new TreeMap<>();
            Path grantFile = dir.resolve(GRANTS);
            this.grants = Files.exists(grantFile) ? fromDisk(JSON.readValue(grantFile.toFile(), GRANT_LIST))
                    : GrantTable.EMPTY;
            Path holdFile = dir.resolve(HOLDS);
            List<LegalHold> read = new ArrayList<>();
            if (Files.exists(holdFile)) {
                for (StoredHold h : JSON.readValue(holdFile.toFile(), HOLD_LIST)) {
                    read.add(new LegalHold(h.bank(), h.hold(), h.reason(), h.setBy(),
                            java.time.Instant.parse(h.setAt())));
                }
            }
            this.holds = List.copyOf(read);
        } catch (IOException e) {
            throw new ConfigException("cannot read governance state in " + dir + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized Optional<String> owner(String bankId) {
        return Optional.ofNullable(owners.get(bankId));
    }

    @Override
    public synchronized String claimOwner(String bankId, String principal) {
        String existing = owners.get(bankId);
        if (existing != null) {
            return existing;
        }
        TreeMap<String, String> next = new TreeMap<>(owners);
        next.put(bankId, principal);
        write(OWNERS, next);
        owners.put(bankId, principal);
        return principal;
    }

    @Override
    public synchronized List<AccessGrant> grants() {
        return grants.grants();
    }

    @Override
    public synchronized AccessGrant addGrant(AccessGrant grant) {
        GrantTable next = grants.plus(grant);
        write(GRANTS, toDisk(next));
        grants = next;
        return next.find(grant).orElseThrow();
    }

    @Override
    public synchronized Optional<AccessGrant> removeGrant(AccessGrant grant) {
        GrantTable next = grants.minus(grant);
        if (!next.equals(grants)) {
            write(GRANTS, toDisk(next));
            grants = next;
        }
        return next.find(grant);
    }

    /** The on-disk shape of quota use: one day only. */
    private record StoredQuotas(String day, Map<String, Long> usage) {
    }

    @Override
    public synchronized Map<String, Long> quotaUsage(java.time.LocalDate day) {
        Path file = dir.resolve(QUOTAS);
        if (!Files.exists(file)) {
            return Map.of();
        }
        try {
            StoredQuotas q = JSON.readValue(file.toFile(), StoredQuotas.class);
            return day.toString().equals(q.day()) && q.usage() != null ? Map.copyOf(q.usage()) : Map.of();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    @Override
    public synchronized void saveQuotaUsage(java.time.LocalDate day, Map<String, Long> usage) {
        write(QUOTAS, new StoredQuotas(day.toString(), new TreeMap<>(usage)));
    }

    @Override
    public synchronized List<LegalHold> legalHolds(String bankId) {
        return holds.stream().filter(h -> h.bankId().equals(bankId)).toList();
    }

    @Override
    public synchronized LegalHold setLegalHold(LegalHold hold) {
        for (LegalHold h : holds) {
            if (h.bankId().equals(hold.bankId()) && h.holdId().equals(hold.holdId())) {
                return h;
            }
        }
        List<LegalHold> next = new ArrayList<>(holds);
        next.add(hold);
        saveHolds(next);
        return hold;
    }

    @Override
    public synchronized Optional<LegalHold> releaseLegalHold(String bankId, String holdId) {
        for (LegalHold h : holds) {
            if (h.bankId().equals(bankId) && h.holdId().equals(holdId)) {
                List<LegalHold> next = new ArrayList<>(holds);
                next.remove(h);
                saveHolds(next);
                return Optional.of(h);
            }
        }
        return Optional.empty();
    }

    @Override
    public synchronized Map<String, Map<String, Long>> bankCounters() {
        Path file = dir.resolve(COUNTERS);
        if (!Files.exists(file)) {
            return Map.of();
        }
        try {
            return java.util.Collections.unmodifiableMap(JSON.readValue(file.toFile(), COUNTER_MAP));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    @Override
    public synchronized void saveBankCounters(Map<String, Map<String, Long>> counters) {
        TreeMap<String, TreeMap<String, Long>> sorted = new TreeMap<>();
        counters.forEach((bank, c) -> sorted.put(bank, new TreeMap<>(c)));
        write(COUNTERS, sorted);
    }

    private void saveHolds(List<LegalHold> next) {
        List<StoredHold> stored = new ArrayList<>();
        for (LegalHold h : next) {
            stored.add(new StoredHold(h.bankId(), h.holdId(), h.reason(), h.setBy(), h.setAt().toString()));
        }
        write(HOLDS, stored); // on disk before the change is visible
        holds = List.copyOf(next);
    }

    private static List<StoredGrant> toDisk(GrantTable table) {
        List<StoredGrant> out = new ArrayList<>();
        for (AccessGrant g : table.grants()) {
            out.add(new StoredGrant(g.bank().pattern(), g.principal().pattern(),
                    java.util.Arrays.stream(Permission.values()).filter(g.permissions()::contains)
                            .map(Permission::wireName).toList()));
        }
        return out;
    }

    private GrantTable fromDisk(List<StoredGrant> stored) {
        List<AccessGrant> out = new ArrayList<>();
        for (StoredGrant g : stored) {
            Set<Permission> perms = EnumSet.noneOf(Permission.class);
            for (String p : g.permissions()) {
                try {
                    perms.add(Permission.valueOf(p.toUpperCase(Locale.ROOT)));
                } catch (IllegalArgumentException e) {
                    throw new ConfigException(dir.resolve(GRANTS) + ": unknown permission '" + p + "'", e);
                }
            }
            out.add(new AccessGrant(new GlobPattern(g.bank()), new GlobPattern(g.principal()), perms));
        }
        return new GrantTable(out);
    }

    private void write(String name, Object value) {
        Path target = dir.resolve(name);
        try {
            byte[] bytes = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(value);
            AtomicFileWrite.replace(target, out -> {
                out.write(bytes);
                return null;
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target, e);
        }
    }
}
