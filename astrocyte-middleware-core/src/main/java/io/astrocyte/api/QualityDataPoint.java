package io.astrocyte.api;

import java.time.LocalDate;

/**
 * One day of a bank's quality (SPEC §6.7), in UTC days: what callers did and how well the bank answered.
 * Rates are 0 when their denominator is.
 *
 * @param date               the UTC day
 * @param retainCount        retains that stored or folded into a duplicate
 * @param recallCount        recalls, degraded ones excluded
 * @param recallHitRate      share of recalls that returned something
 * @param avgRecallScore     the mean best score of recalls that returned something
 * @param dedupRate          share of retains that were duplicates
 * @param reflectSuccessRate share of reflects that answered
 */
public record QualityDataPoint(LocalDate date, long retainCount, long recallCount, double recallHitRate,
        double avgRecallScore, double dedupRate, double reflectSuccessRate) {
}
