package dev.slopipeline.definitions.alert;

/**
 * Firing or resolved: the state an alert transition moves into, what the streams app decides, and the status of
 * an alert (or a whole group) the router delivers. On every wire in lower case, as Alertmanager spells it.
 */
public enum AlertState {
    FIRING("firing"),
    RESOLVED("resolved");

    private final String wireName;

    AlertState(String wireName) {
        this.wireName = wireName;
    }

    /** The form used in JSON. */
    public String wireName() {
        return wireName;
    }

    /** The state for a wire name, or {@code null} when {@code wire} is not one (exact match). */
    public static AlertState fromWire(String wire) {
        return switch (wire) {
            case "firing" -> FIRING;
            case "resolved" -> RESOLVED;
            default -> null;
        };
    }
}
