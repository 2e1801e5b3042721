package dev.slopipeline.definitions.model;

import java.util.Locale;

/** How loudly an alert pair speaks: a page wakes someone, a ticket waits for working hours, a notification only informs the owner. */
public enum Severity {
    PAGE, TICKET, NOTIFY;

    /** The lowercase name used in YAML and on the wire. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The severity for an exact wire name, or {@code null} when the text is not one. */
    public static Severity fromWire(String text) {
        for (Severity s : values()) {
            if (s.wireName().equals(text)) {
                return s;
            }
        }
        return null;
    }
}
