package dev.slopipeline.definitions.event;

/** Outcome of one health check; on the wire in lower case. */
public enum HealthStatus {
    PASS("pass"),
    WARN("warn"),
    FAIL("fail");

    private final String wireName;

    HealthStatus(String wireName) {
        this.wireName = wireName;
    }

    /** The form used in JSON. */
    public String wireName() {
        return wireName;
    }

    /**
     * The status for a wire name, or {@code null} when {@code wire} is not one: callers on the
     * hot path build their own reason, so neither an exception nor an Optional is worth paying for.
     * Matching is exact; {@code "PASS"} is not a wire name.
     */
    public static HealthStatus fromWire(String wire) {
        return switch (wire) {
            case "pass" -> PASS;
            case "warn" -> WARN;
            case "fail" -> FAIL;
            default -> null;
        };
    }
}
