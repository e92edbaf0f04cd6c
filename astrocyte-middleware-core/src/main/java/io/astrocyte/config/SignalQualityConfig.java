package io.astrocyte.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.astrocyte.ConfigException;

/**
 * {@code signal_quality} (SPEC §3.3): keep near-duplicates and noise out of a bank.
 *
 * @param dedup     near-duplicate detection on retain, against the bank's stored memories
 * @param noisyBank detection of banks that receive bursts, very short content or mostly duplicates
 */
public record SignalQualityConfig(Dedup dedup, NoisyBank noisyBank) {

    public static final SignalQualityConfig DEFAULT = new SignalQualityConfig(null, null);

    public SignalQualityConfig {
        dedup = dedup == null ? Dedup.DEFAULT : dedup;
        noisyBank = noisyBank == null ? NoisyBank.DEFAULT : noisyBank;
    }

    /** What a retain does with a chunk that is a near-duplicate of a stored memory. */
    public enum DedupAction {
        /** Store the other chunks; a retain whose chunks are all duplicates stores nothing (default). */
        @JsonProperty("skip_chunk") SKIP_CHUNK,
        /** Store nothing when any chunk is a duplicate. */
        @JsonProperty("skip") SKIP,
        /** Store everything and log the duplicate. */
        @JsonProperty("warn") WARN,
        /** Forget the stored duplicate and store the new chunk in its place (history keeps the old one). */
        @JsonProperty("update") UPDATE
    }

    /**
     * {@code signal_quality.dedup}.
     *
     * @param enabled             whether retains are checked for near-duplicates (default on)
     * @param action              {@code skip_chunk} (default: store the new chunks only), {@code skip}, {@code warn}
     *                            or {@code update}
     * @param similarityThreshold cosine similarity at or above which a chunk counts as a duplicate, in
     *                            {@code (0, 1]}
     */
    public record Dedup(Boolean enabled, Double similarityThreshold, DedupAction action) {

        public static final Dedup DEFAULT = new Dedup(null, null, null);

        public Dedup {
            enabled = enabled == null || enabled;
            similarityThreshold = similarityThreshold == null ? 0.95 : similarityThreshold;
            action = action == null ? DedupAction.SKIP_CHUNK : action;
            if (!(similarityThreshold > 0 && similarityThreshold <= 1)) {
                throw new ConfigException("signal_quality.dedup.similarity_threshold must be in (0, 1], got "
                        + similarityThreshold);
            }
        }
    }

    /** What happens to retains into a bank while it is noisy. */
    public enum NoisyAction {
        /** Log the transition and fire {@code on_noisy_bank}; retains go on (default). */
        @JsonProperty("warn") WARN,
        /** Admit {@code throttle_to_percent} of retains; refuse the rest with a retry-after. */
        @JsonProperty("throttle") THROTTLE,
        /** Refuse every retain with {@code stored=false} and the reason until the bank recovers. */
        @JsonProperty("reject") REJECT
    }

    /**
     * {@code signal_quality.noisy_bank}. A bank is noisy while any of three signals holds: the retains of
     * the current minute exceed {@code retain_spike_multiplier} times the bank's average per minute over
     * the last hour (with at least {@code min_samples} of them), the average content length over the last
     * {@code window_minutes} is below {@code min_avg_content_length}, or the share of duplicates among
     * them is above {@code max_dedup_rate}. The last two need {@code min_samples} retains in the window.
     * Refused retains are not counted, so a refused bank recovers as its window moves on.
     *
     * @param enabled               whether banks are watched for noise (default on)
     * @param retainSpikeMultiplier retains this minute over the hour's average per minute that make a spike
     *                              (default 5.0)
     * @param minAvgContentLength   average content length, in characters, below which a bank is noisy
     *                              (default 20)
     * @param maxDedupRate          share of duplicates among recent retains above which a bank is noisy
     *                              (default 0.8)
     * @param action                {@code warn} (default), {@code throttle} or {@code reject} while noisy
     * @param throttleToPercent     share of retains admitted under {@code throttle}, in percent (default 10)
     * @param windowMinutes         minutes of retains the length and duplicate signals look at (default 10)
     * @param minSamples            retains a window needs before its signals count (default 20)
     */
    public record NoisyBank(Boolean enabled, Double retainSpikeMultiplier, Integer minAvgContentLength,
            Double maxDedupRate, NoisyAction action, Integer throttleToPercent, Integer windowMinutes,
            Integer minSamples) {

        public static final NoisyBank DEFAULT = new NoisyBank(null, null, null, null, null, null, null, null);

        public NoisyBank {
            enabled = enabled == null || enabled;
            retainSpikeMultiplier = retainSpikeMultiplier == null ? 5.0 : retainSpikeMultiplier;
            minAvgContentLength = minAvgContentLength == null ? 20 : minAvgContentLength;
            maxDedupRate = maxDedupRate == null ? 0.8 : maxDedupRate;
            action = action == null ? NoisyAction.WARN : action;
            throttleToPercent = throttleToPercent == null ? 10 : throttleToPercent;
            windowMinutes = windowMinutes == null ? 10 : windowMinutes;
            minSamples = minSamples == null ? 20 : minSamples;
            if (!(retainSpikeMultiplier > 1)) {
                throw new ConfigException("signal_quality.noisy_bank.retain_spike_multiplier must be above 1, got "
                        + retainSpikeMultiplier);
            }
            ConfigChecks.nonNegative("signal_quality.noisy_bank.min_avg_content_length", minAvgContentLength);
            if (!(maxDedupRate >= 0 && maxDedupRate <= 1)) {
                throw new ConfigException("signal_quality.noisy_bank.max_dedup_rate must be in [0, 1], got "
                        + maxDedupRate);
            }
            if (throttleToPercent < 1 || throttleToPercent > 100) {
                throw new ConfigException("signal_quality.noisy_bank.throttle_to_percent must be in 1..100, got "
                        + throttleToPercent);
            }
            if (windowMinutes < 1 || windowMinutes > 60) {
                throw new ConfigException("signal_quality.noisy_bank.window_minutes must be in 1..60, got "
                        + windowMinutes);
            }
            ConfigChecks.positive("signal_quality.noisy_bank.min_samples", minSamples);
        }
    }
}
