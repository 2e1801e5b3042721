package dev.slopipeline.router.oncall.escalation;

import java.util.Locale;

/** How much of an escalation policy an incident uses; the service tier chooses it. */
public enum PagingMode {
    /** Every level, with repeats. */
    ESCALATE,
    /** The first level only: nobody else is woken, however long it stays unacknowledged. */
    PRIMARY_ONLY;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static PagingMode fromWireName(String text) {
        for (PagingMode mode : values()) {
            if (mode.wireName().equals(text)) {
                return mode;
            }
        }
        throw new IllegalArgumentException("unknown paging mode \"" + text + "\" (expected escalate or primary_only)");
    }
}
