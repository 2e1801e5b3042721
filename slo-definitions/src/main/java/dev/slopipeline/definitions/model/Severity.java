package dev.slopipeline.definitions.model;

import java.util.Locale;

/** How loudly an alert pair speaks: a page wakes someone, a ticket waits for working hours, a notification only informs the owner. */
public enum Severity {
    PAGE, TICKET, NOTIFY;

    /** The lowercase name used in YAML and on the wire. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Severity fromWireName(String text) {
        for (Severity s : values()) {
            if (s.wireName().equals(text)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown severity \"" + text + "\" (expected page, ticket or notify)");
    }
}
