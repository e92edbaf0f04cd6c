package io.astrocyte.observe;

import io.astrocyte.api.BankHealth;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/**
 * Bank health as Micrometer gauges (SPEC §6.7): {@code astrocyte.banks{status}} counts banks healthy, warning
 * and unhealthy, and {@code astrocyte.banks.health.min} is the lowest score. No per-bank series: with a bank per
 * user they would be unbounded ({@code /actuator/astrocytebanks} lists banks one by one instead). Scrapes share
 * one assessment per {@link #MAX_AGE}, so frequent scrapes of many banks stay cheap.
 */
public final class BankHealthGauges {

    static final Duration MAX_AGE = Duration.ofSeconds(30);

    private final BankStatistics statistics;
    private final Clock clock;
    private Instant assessed = Instant.MIN;
    private Map<BankHealth.Status, Integer> counts = new EnumMap<>(BankHealth.Status.class);
    private double min = 1;

    private BankHealthGauges(BankStatistics statistics, Clock clock) {
        this.statistics = statistics;
        this.clock = clock;
    }

    /** Registers the gauges; the returned object must stay referenced (Micrometer holds it weakly). */
    public static BankHealthGauges register(Telemetry telemetry, BankStatistics statistics, Clock clock) {
        BankHealthGauges g = new BankHealthGauges(statistics, clock);
        for (BankHealth.Status status : BankHealth.Status.values()) {
            telemetry.gauge("astrocyte.banks", "status", status.name().toLowerCase(java.util.Locale.ROOT), g,
                    x -> x.count(status));
        }
        telemetry.gauge("astrocyte.banks.health.min", g, BankHealthGauges::min);
        return g;
    }

    synchronized int count(BankHealth.Status status) {
        refresh();
        return counts.getOrDefault(status, 0);
    }

    synchronized double min() {
        refresh();
        return min;
    }

    private void refresh() {
        Instant now = clock.instant();
        if (now.isBefore(assessed.plus(MAX_AGE)) && !now.isBefore(assessed)) {
            return;
        }
        Map<BankHealth.Status, Integer> next = new EnumMap<>(BankHealth.Status.class);
        double lowest = 1;
        for (String bank : statistics.banks()) {
            BankHealth h = statistics.health(bank);
            next.merge(h.status(), 1, Integer::sum);
            lowest = Math.min(lowest, h.score());
        }
        counts = next;
        min = lowest;
        assessed = now;
    }
}
