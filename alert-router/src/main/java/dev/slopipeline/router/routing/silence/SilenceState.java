package dev.slopipeline.router.routing.silence;

import java.util.Locale;

/** Where a silence stands at a given instant; lower case in JSON, as Alertmanager writes it. */
public enum SilenceState {
    /** Starts later. */
    PENDING,
    /** Mutes matching alerts now. */
    ACTIVE,
    /** Ended; kept for a while as history. */
    EXPIRED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
