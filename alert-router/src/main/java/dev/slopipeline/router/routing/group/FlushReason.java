package dev.slopipeline.router.routing.group;

/** Why dedup lets a flush notify, in Alertmanager's terms; {@link #NONE} when it does not. */
public enum FlushReason {
    /** Nothing was sent before, or the last notification was a resolution. */
    FIRST_NOTIFICATION,
    /** Alerts fire that the last notification did not list as firing. */
    NEW_ALERTS,
    /** The receiver wants resolutions and alerts resolved since the last notification. */
    NEW_RESOLVED,
    /** Nothing fires any more, and the last notification had firing alerts. */
    ALL_RESOLVED,
    /** Nothing changed, but the repeat interval has passed since the last notification. */
    REPEAT,
    /** Nothing to say. */
    NONE
}
