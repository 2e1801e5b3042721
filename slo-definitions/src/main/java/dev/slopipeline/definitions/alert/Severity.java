package dev.slopipeline.definitions.alert;

/** How loudly an alert speaks; on the wire in lower case. */
public enum Severity {
    /** Wakes someone up. */
    PAGE("page"),
    /** Work for business hours. */
    TICKET("ticket"),
    /** Informational, no action owed. */
    NOTIFY("notify");

    private final String wireName;

    Severity(String wireName) {
        this.wireName = wireName;
    }

    /** The form used in JSON. */
    public String wireName() {
        return wireName;
    }

    /** The severity for a wire name, or {@code null} when {@code wire} is not one (exact match). */
    public static Severity fromWire(String wire) {
        return switch (wire) {
            case "page" -> PAGE;
            case "ticket" -> TICKET;
            case "notify" -> NOTIFY;
            default -> null;
        };
    }
}
