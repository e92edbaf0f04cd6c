package io.astrocyte.policy.barrier;

import java.util.Objects;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * One kind of PII the regex barrier finds.
 *
 * @param type        the name used in config, errors and logs ({@code email}, {@code sg_nric}, …)
 * @param regex       what to look for
 * @param group       the capture group that is the PII itself (0 = the whole match); lets a cue word such
 *                    as "born" locate a date without redacting the cue
 * @param validator   a checksum or range test on the matched text (Luhn, mod 97, …)
 * @param replacement what a redaction writes, e.g. {@code [EMAIL_REDACTED]}
 */
public record PiiPattern(String type, Pattern regex, int group, Predicate<String> validator, String replacement) {

    public PiiPattern {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(regex, "regex");
        validator = validator == null ? s -> true : validator;
        replacement = replacement == null ? "[" + type.toUpperCase(java.util.Locale.ROOT) + "_REDACTED]" : replacement;
    }

    static PiiPattern of(String type, String regex) {
        return new PiiPattern(type, Pattern.compile(regex), 0, null, null);
    }

    static PiiPattern of(String type, String regex, Predicate<String> validator) {
        return new PiiPattern(type, Pattern.compile(regex), 0, validator, null);
    }
}
