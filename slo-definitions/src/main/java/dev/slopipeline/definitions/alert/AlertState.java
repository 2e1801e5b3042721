package dev.slopipeline.definitions.alert;

/** The state an alert moves into; on the wire in lower case. */
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
