package dev.slopipeline.router.oncall.escalation;

import java.util.Locale;

/** Why a person is notified. */
public enum NotifyReason {
    TRIGGERED, ESCALATED, REMINDER, RETRIGGERED, RESOLVED;

    /** Whether it asks the person to act (every reason but the all-clear). */
    public boolean isPage() {
        return this != RESOLVED;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
