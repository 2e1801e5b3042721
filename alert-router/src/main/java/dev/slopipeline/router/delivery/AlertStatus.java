package dev.slopipeline.router.delivery;

import java.util.Locale;

/** Whether an alert (or a whole group) is still burning budget. Spelled lowercase on the wire, as Alertmanager does. */
public enum AlertStatus {
    FIRING, RESOLVED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
