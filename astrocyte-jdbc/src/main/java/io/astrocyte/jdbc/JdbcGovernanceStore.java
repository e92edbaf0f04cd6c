package io.astrocyte.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.astrocyte.ConfigException;
import io.astrocyte.ProviderUnavailableException;
import io.astrocyte.api.LegalHold;
import io.astrocyte.identity.AccessGrant;
import io.astrocyte.identity.GlobPattern;
import io.astrocyte.identity.Permission;
import io.astrocyte.spi.GovernanceStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Governance state in a SQL database (PostgreSQL first), shared by every instance that points at it: bank
 * owners, runtime grants, daily quota counts, legal holds and bank counters. The schema is created and migrated by
 * Flyway on open, in {@code schema} with table names prefixed by {@code prefix}.
 *
 * <ul>
 *   <li><b>Owners:</b> the first claim wins through the primary key, not a read-then-write: a second insert fails
 *       and the claim answers with the stored owner, on any number of processes at once.</li>
 *   <li><b>Grants:</b> one row per (bank pattern, principal pattern); adding and revoking merge and subtract
 *       permissions under a row lock, retried when two first inserts race.</li>
 *   <li><b>Quotas:</b> counted atomically per day and key ({@link #tryConsumeQuota}), so a daily limit holds
 *       across replicas.</li>
 * </ul>
 *
 * The SQL is standard where that costs nothing (no {@code ON CONFLICT}); it is tested on PostgreSQL 15.
 */
public final class JdbcGovernanceStore implements GovernanceStore {

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,40}");
    private static final int RETRIES = 5;

    private final DataSource dataSource;
    private final HikariDataSource owned;
    private final String t; // schema-qualified prefix, e.g. "astro"."gov_"

    /**
     * Opens the store on a data source the caller owns (e.g. Spring's), migrating the schema first.
     *
     * @param schema where the tables live; {@code null} for the connection's default schema
     * @param prefix prepended to every table name, e.g. {@code astrocyte_}
     */
    public static JdbcGovernanceStore open(DataSource dataSource, String schema, String prefix) {
        return new JdbcGovernanceStore(dataSource, null, schema, prefix);
    }

    /** Opens the store with its own connection pool (HikariCP) on {@code url}. */
    public static JdbcGovernanceStore open(String url, String username, String password, String schema, String prefix,
            int poolSize) {
        HikariConfig c = new HikariConfig();
        c.setJdbcUrl(url);
        c.setUsername(username);
        c.setPassword(password);
        c.setMaximumPoolSize(poolSize);
        c.setPoolName("astrocyte-governance");
        c.setInitializationFailTimeout(-1); // a database that starts after us is retried per call, not fatal here
        HikariDataSource pool = new HikariDataSource(c);
        try {
            return new JdbcGovernanceStore(pool, pool, schema, prefix);
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
    }

    private JdbcGovernanceStore(DataSource dataSource, HikariDataSource owned, String schema, String prefix) {
        String p = prefix == null ? "" : prefix;
        if (!p.isEmpty() && !IDENTIFIER.matcher(p).matches()) {
            throw new ConfigException("governance_store_config.table_prefix: letters, digits and _ only, got '" + p + "'");
        }
        if (schema != null && !IDENTIFIER.matcher(schema).matches()) {
            throw new ConfigException("governance_store_config.schema: letters, digits and _ only, got '" + schema + "'");
        }
        this.dataSource = dataSource;
        this.owned = owned;
        this.t = (schema == null ? "" : schema + ".") + p;
        try {
            var flyway = Flyway.configure().dataSource(dataSource)
                    .locations("classpath:io/astrocyte/jdbc/migration")
                    .table(p + "astrocyte_schema_history")
                    .placeholders(Map.of("prefix", p)).createSchemas(true);
            if (schema != null) {
                flyway.schemas(schema);
            }
            flyway.load().migrate();
        } catch (RuntimeException e) {
            throw new ProviderUnavailableException("jdbc governance store: cannot prepare the schema: " + e.getMessage(),
                    e);
        }
    }

    @Override
    public Optional<String> owner(String bankId) {
        return query("SELECT principal FROM " + t + "bank_owner WHERE bank_id = ?", ps -> ps.setString(1, bankId),
                rs -> rs.next() ? Optional.of(rs.getString(1)) : Optional.empty());
    }

    @Override
    public String claimOwner(String bankId, String principal) {
        try {
            update("INSERT INTO " + t + "bank_owner (bank_id, principal, claimed_at) VALUES (?, ?, ?)", ps -> {
                ps.setString(1, bankId);
                ps.setString(2, principal);
                ps.setTimestamp(3, Timestamp.from(Instant.now()));
            });
            return principal;
        } catch (Conflict e) {
            return owner(bankId).orElseThrow(() -> new ProviderUnavailableException(
                    "jdbc governance store: bank " + bankId + " is claimed but has no owner row"));
        }
    }

    @Override
    public List<AccessGrant> grants() {
        return query("SELECT bank_pattern, principal_pattern, permissions FROM " + t + "access_grant"
                + " ORDER BY bank_pattern, principal_pattern", ps -> { }, rs -> {
                    List<AccessGrant> out = new ArrayList<>();
                    while (rs.next()) {
                        out.add(new AccessGrant(new GlobPattern(rs.getString(1)), new GlobPattern(rs.getString(2)),
                                permissions(rs.getString(3))));
                    }
                    return out;
                });
    }

    @Override
    public AccessGrant addGrant(AccessGrant grant) {
        return changeGrant(grant, true).orElseThrow();
    }

    @Override
    public Optional<AccessGrant> removeGrant(AccessGrant grant) {
        return changeGrant(grant, false);
    }

    /** Merges (or subtracts) the grant's permissions into its row under a row lock; empty rows are deleted. */
    private Optional<AccessGrant> changeGrant(AccessGrant grant, boolean add) {
        String bank = grant.bank().pattern();
        String principal = grant.principal().pattern();
        for (int attempt = 1;; attempt++) {
            try (Connection c = connection()) {
                c.setAutoCommit(false);
                try {
                    Set<Permission> current = null;
                    try (PreparedStatement ps = c.prepareStatement("SELECT permissions FROM " + t + "access_grant"
                            + " WHERE bank_pattern = ? AND principal_pattern = ? FOR UPDATE")) {
                        ps.setString(1, bank);
                        ps.setString(2, principal);
                        try (ResultSet rs = ps.executeQuery()) {
                            if (rs.next()) {
                                current = permissions(rs.getString(1));
                            }
                        }
                    }
                    Set<Permission> next = EnumSet.noneOf(Permission.class);
                    if (current != null) {
                        next.addAll(current);
                    }
                    if (add) {
                        next.addAll(grant.permissions());
                    } else {
                        next.removeAll(grant.permissions());
                    }
                    if (current == null && next.isEmpty()) {
                        c.rollback();
                        return Optional.empty();
                    }
                    if (next.isEmpty()) {
                        try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + t + "access_grant"
                                + " WHERE bank_pattern = ? AND principal_pattern = ?")) {
                            ps.setString(1, bank);
                            ps.setString(2, principal);
                            ps.executeUpdate();
                        }
                    } else {
                        String sql = current == null
                                ? "INSERT INTO " + t + "access_grant (permissions, bank_pattern, principal_pattern)"
                                        + " VALUES (?, ?, ?)"
                                : "UPDATE " + t + "access_grant SET permissions = ? WHERE bank_pattern = ?"
                                        + " AND principal_pattern = ?";
                        try (PreparedStatement ps = c.prepareStatement(sql)) {
                            ps.setString(1, names(next));
                            ps.setString(2, bank);
                            ps.setString(3, principal);
                            ps.executeUpdate();
                        }
                    }
                    c.commit();
                    return next.isEmpty() ? Optional.empty() : Optional.of(new AccessGrant(grant.bank(), grant.principal(),
                            next));
                } catch (SQLException e) {
                    c.rollback();
                    if (isConflict(e) && attempt < RETRIES) {
                        continue; // another process inserted the same pair first: merge into its row
                    }
                    throw e;
                }
            } catch (SQLException e) {
                throw unavailable("grant change", e);
            }
        }
    }

    @Override
    public Map<String, Long> quotaUsage(LocalDate day) {
        return query("SELECT counter_key, used FROM " + t + "quota_usage WHERE usage_day = ?",
                ps -> ps.setObject(1, day), rs -> {
                    Map<String, Long> out = new LinkedHashMap<>();
                    while (rs.next()) {
                        out.put(rs.getString(1), rs.getLong(2));
                    }
                    return out;
                });
    }

    /** Sets the day's counts as given (a snapshot); instances that share quotas count with the atomic methods. */
    @Override
    public void saveQuotaUsage(LocalDate day, Map<String, Long> usage) {
        usage.forEach((key, used) -> upsert("quota_usage", "used = ?", "usage_day = ? AND counter_key = ?",
                "(used, usage_day, counter_key) VALUES (?, ?, ?)", List.of(used, day, key)));
    }

    @Override
    public boolean sharesQuotas() {
        return true;
    }

    /** An atomic conditional increment; the first unit of a day inserts the row (a racing insert retries). */
    @Override
    public boolean tryConsumeQuota(LocalDate day, String key, long limit) {
        if (limit <= 0) {
            return false;
        }
        for (int attempt = 1;; attempt++) {
            int changed = update("UPDATE " + t + "quota_usage SET used = used + 1 WHERE usage_day = ? AND counter_key = ?"
                    + " AND used < ?", ps -> {
                        ps.setObject(1, day);
                        ps.setString(2, key);
                        ps.setLong(3, limit);
                    });
            if (changed == 1) {
                return true;
            }
            try {
                update("INSERT INTO " + t + "quota_usage (usage_day, counter_key, used) VALUES (?, ?, 1)", ps -> {
                    ps.setObject(1, day);
                    ps.setString(2, key);
                });
                return true;
            } catch (Conflict e) {
                if (attempt >= RETRIES) {
                    return false;
                }
                // the row exists: at its limit, or another process inserted it first; the update decides
                int again = update("UPDATE " + t + "quota_usage SET used = used + 1 WHERE usage_day = ?"
                        + " AND counter_key = ? AND used < ?", ps -> {
                            ps.setObject(1, day);
                            ps.setString(2, key);
                            ps.setLong(3, limit);
                        });
                return again == 1;
            }
        }
    }

    @Override
    public void refundQuota(LocalDate day, String key) {
        update("UPDATE " + t + "quota_usage SET used = used - 1 WHERE usage_day = ? AND counter_key = ? AND used > 0",
                ps -> {
                    ps.setObject(1, day);
                    ps.setString(2, key);
                });
    }

    @Override
    public boolean sharesCounters() {
        return true;
    }

    @Override
    public Map<String, Long> bankCounters(String bankId) {
        return query("SELECT counter, value FROM " + t + "bank_counter WHERE bank_id = ?", ps -> ps.setString(1, bankId),
                rs -> {
                    Map<String, Long> out = new TreeMap<>();
                    while (rs.next()) {
                        out.put(rs.getString(1), rs.getLong(2));
                    }
                    return out;
                });
    }

    /** The last day daily counters were pruned by this instance: pruning scans the table, so once a day is enough. */
    private volatile LocalDate prunedOn;

    /** Additive: each instance adds its increments, so counters add up across replicas. */
    @Override
    public void addBankCounters(Map<String, Map<String, Long>> increments, LocalDate keepDailyFrom) {
        increments.forEach((bank, counters) -> counters.forEach((counter, delta) -> {
            for (int attempt = 1;; attempt++) {
                int changed = update("UPDATE " + t + "bank_counter SET value = value + ? WHERE bank_id = ? AND counter = ?",
                        ps -> {
                            ps.setLong(1, delta);
                            ps.setString(2, bank);
                            ps.setString(3, counter);
                        });
                if (changed > 0) {
                    return;
                }
                try {
                    update("INSERT INTO " + t + "bank_counter (value, bank_id, counter) VALUES (?, ?, ?)", ps -> {
                        ps.setLong(1, delta);
                        ps.setString(2, bank);
                        ps.setString(3, counter);
                    });
                    return;
                } catch (Conflict e) {
                    if (attempt >= RETRIES) {
                        throw unavailable("bank counter", (SQLException) e.getCause());
                    }
                }
            }
        }));
        if (!keepDailyFrom.equals(prunedOn)) {
            update("DELETE FROM " + t + "bank_counter WHERE POSITION('@' IN counter) > 0"
                    + " AND SUBSTRING(counter FROM POSITION('@' IN counter) + 1) < ?",
                    ps -> ps.setString(1, keepDailyFrom.toString()));
            prunedOn = keepDailyFrom;
        }
    }

    @Override
    public void deleteBankCounters(String bankId) {
        update("DELETE FROM " + t + "bank_counter WHERE bank_id = ?", ps -> ps.setString(1, bankId));
    }

    @Override
    public Map<String, Map<String, Long>> bankCounters() {
        return query("SELECT bank_id, counter, value FROM " + t + "bank_counter", ps -> { }, rs -> {
            Map<String, Map<String, Long>> out = new TreeMap<>();
            while (rs.next()) {
                out.computeIfAbsent(rs.getString(1), b -> new TreeMap<>()).put(rs.getString(2), rs.getLong(3));
            }
            return out;
        });
    }

    @Override
    public void saveBankCounters(Map<String, Map<String, Long>> counters) {
        inTransaction(c -> {
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM " + t + "bank_counter");
                    PreparedStatement insert = c.prepareStatement("INSERT INTO " + t + "bank_counter (bank_id, counter,"
                            + " value) VALUES (?, ?, ?)")) {
                delete.executeUpdate();
                for (var bank : counters.entrySet()) {
                    for (var counter : bank.getValue().entrySet()) {
                        insert.setString(1, bank.getKey());
                        insert.setString(2, counter.getKey());
                        insert.setLong(3, counter.getValue());
                        insert.addBatch();
                    }
                }
                insert.executeBatch();
            }
            return null;
        });
    }

    @Override
    public List<LegalHold> legalHolds(String bankId) {
        return query("SELECT bank_id, hold_id, reason, set_by, set_at FROM " + t + "legal_hold WHERE bank_id = ?"
                + " ORDER BY set_at, seq", ps -> ps.setString(1, bankId), rs -> {
                    List<LegalHold> out = new ArrayList<>();
                    while (rs.next()) {
                        out.add(hold(rs));
                    }
                    return out;
                });
    }

    @Override
    public LegalHold setLegalHold(LegalHold hold) {
        try {
            update("INSERT INTO " + t + "legal_hold (bank_id, hold_id, reason, set_by, set_at) VALUES (?, ?, ?, ?, ?)",
                    ps -> {
                        ps.setString(1, hold.bankId());
                        ps.setString(2, hold.holdId());
                        ps.setString(3, hold.reason());
                        ps.setString(4, hold.setBy());
                        ps.setTimestamp(5, Timestamp.from(hold.setAt()));
                    });
            return hold;
        } catch (Conflict e) {
            return legalHolds(hold.bankId()).stream().filter(h -> h.holdId().equals(hold.holdId())).findFirst()
                    .orElse(hold);
        }
    }

    @Override
    public Optional<LegalHold> releaseLegalHold(String bankId, String holdId) {
        return inTransaction(c -> {
            LegalHold found = null;
            try (PreparedStatement ps = c.prepareStatement("SELECT bank_id, hold_id, reason, set_by, set_at FROM " + t
                    + "legal_hold WHERE bank_id = ? AND hold_id = ? FOR UPDATE")) {
                ps.setString(1, bankId);
                ps.setString(2, holdId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        found = hold(rs);
                    }
                }
            }
            if (found != null) {
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + t + "legal_hold WHERE bank_id = ?"
                        + " AND hold_id = ?")) {
                    ps.setString(1, bankId);
                    ps.setString(2, holdId);
                    ps.executeUpdate();
                }
            }
            return Optional.ofNullable(found);
        });
    }

    @Override
    public void close() {
        if (owned != null) {
            owned.close();
        }
    }

    private static LegalHold hold(ResultSet rs) throws SQLException {
        return new LegalHold(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getTimestamp(5).toInstant());
    }

    private static Set<Permission> permissions(String names) {
        Set<Permission> out = EnumSet.noneOf(Permission.class);
        for (String n : names.split(",")) {
            if (!n.isBlank()) {
                out.add(Permission.fromWireName(n.trim()).orElseThrow(() -> new ProviderUnavailableException(
                        "jdbc governance store: unknown permission '" + n + "' in access_grant")));
            }
        }
        return out;
    }

    private static String names(Set<Permission> permissions) {
        return String.join(",", Arrays.stream(Permission.values()).filter(permissions::contains)
                .map(Permission::wireName).toList());
    }

    // ---- plumbing -------------------------------------------------------------------------------------

    @FunctionalInterface
    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    @FunctionalInterface
    private interface Reader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    @FunctionalInterface
    private interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    /** A unique or primary key was violated: the row someone else wrote first. */
    private static final class Conflict extends RuntimeException {
        Conflict(SQLException cause) {
            super(cause.getMessage(), cause, false, false);
        }
    }

    private Connection connection() throws SQLException {
        return dataSource.getConnection();
    }

    private <T> T query(String sql, Binder binder, Reader<T> reader) {
        try (Connection c = connection(); PreparedStatement ps = c.prepareStatement(sql)) {
            binder.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                return reader.read(rs);
            }
        } catch (SQLException e) {
            throw unavailable("query", e);
        }
    }

    private int update(String sql, Binder binder) {
        try (Connection c = connection(); PreparedStatement ps = c.prepareStatement(sql)) {
            binder.bind(ps);
            return ps.executeUpdate();
        } catch (SQLException e) {
            if (isConflict(e)) {
                throw new Conflict(e);
            }
            throw unavailable("update", e);
        }
    }

    private void upsert(String table, String set, String where, String insert, List<Object> values) {
        for (int attempt = 1;; attempt++) {
            int changed = update("UPDATE " + t + table + " SET " + set + " WHERE " + where, ps -> bindAll(ps, values));
            if (changed > 0) {
                return;
            }
            try {
                update("INSERT INTO " + t + table + " " + insert, ps -> bindAll(ps, values));
                return;
            } catch (Conflict e) {
                if (attempt >= RETRIES) {
                    throw unavailable("upsert", (SQLException) e.getCause());
                }
            }
        }
    }

    private static void bindAll(PreparedStatement ps, List<Object> values) throws SQLException {
        for (int i = 0; i < values.size(); i++) {
            ps.setObject(i + 1, values.get(i));
        }
    }

    private <T> T inTransaction(Work<T> work) {
        try (Connection c = connection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw unavailable("transaction", e);
        }
    }

    private static boolean isConflict(SQLException e) {
        return e.getSQLState() != null && e.getSQLState().startsWith("23");
    }

    private static ProviderUnavailableException unavailable(String what, SQLException e) {
        return new ProviderUnavailableException("jdbc governance store: " + what + " failed: " + e.getMessage()
                + " (SQLState " + e.getSQLState() + ")", e);
    }
}
