package io.astrocyte.identity;

import java.util.regex.Pattern;

/**
 * A bank or principal pattern in a grant: literal text where {@code *} stands for one or more
 * characters. So {@code shared-*} matches {@code shared-eng} but neither {@code shared} nor
 * {@code shared-}, {@code agent:*} matches every agent but not the bare prefix, and a lone {@code *}
 * matches everything. Matching is case-sensitive.
 */
public record GlobPattern(String pattern) {

    /** Compiled forms; grant patterns are few and are matched on every access check. */
    private static final java.util.Map<String, Pattern> COMPILED = new java.util.concurrent.ConcurrentHashMap<>();

    public GlobPattern {
        if (pattern == null || pattern.isBlank()) {
            throw new IllegalArgumentException("pattern must not be blank");
        }
    }

    public boolean matches(String value) {
        if (value == null) {
            return false;
        }
        if (pattern.indexOf('*') < 0) {
            return pattern.equals(value);
        }
        return COMPILED.computeIfAbsent(pattern, GlobPattern::compile).matcher(value).matches();
    }

    private static Pattern compile(String glob) {
        StringBuilder regex = new StringBuilder();
        for (String part : glob.split("\\*", -1)) {
            if (regex.length() > 0) {
                regex.append(".+");
            }
            regex.append(Pattern.quote(part));
        }
        return Pattern.compile(regex.toString());
    }
}
