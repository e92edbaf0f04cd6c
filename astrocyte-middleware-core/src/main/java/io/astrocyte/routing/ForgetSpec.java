package io.astrocyte.routing;

import java.util.List;

/**
 * A rule's {@code forget} (SPEC §1.5, §6.2): how forgets in the rule's bank behave. A {@code preset} fills what
 * the block leaves out ({@code gdpr}: hard, audited, cascading, respecting holds; {@code student}: soft, not
 * before seven days, respecting holds); explicit keys win.
 *
 * @param version          required integer, 1
 * @param mode             {@code soft} (history keeps it), {@code hard} (purged) or {@code tombstone} (soft, marked)
 * @param audit            {@code required} logs every forget on {@code astrocyte.mip.forget.audit}
 * @param cascade          whether derived data goes too (default true)
 * @param respectLegalHold whether a legal hold blocks even a compliance forget (default true)
 * @param minAgeDays       memories younger than this cannot be forgotten
 * @param maxPerCall       at most this many memories per forget call
 */
public record ForgetSpec(int version, String mode, String audit, Boolean cascade, Boolean respectLegalHold,
        Integer minAgeDays, Integer maxPerCall) {

    static final List<String> MODES = List.of("soft", "hard", "tombstone");
    static final List<String> PRESETS = List.of("gdpr", "student");

    static ForgetSpec preset(String name) {
        return switch (name) {
            case "gdpr" -> new ForgetSpec(1, "hard", "required", true, true, null, null);
            case "student" -> new ForgetSpec(1, "soft", null, null, true, 7, null);
            default -> null;
        };
    }
}
