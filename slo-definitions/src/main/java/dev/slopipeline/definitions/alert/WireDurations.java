package dev.slopipeline.definitions.alert;

import dev.slopipeline.definitions.model.DurationSyntax;
import java.time.Duration;

/**
 * The compact duration form of the wire: a positive whole number followed by {@code m}, {@code h}
 * or {@code d}, as people write alert windows ({@code "5m"}, {@code "1h"}, {@code "3d"}).
 *
 * <p>Formatting picks the largest of those units that divides the duration exactly, so every
 * duration has one canonical text ({@code 24h} is {@code "1d"}, {@code 90m} stays {@code "90m"}).
 * Parsing also takes non-canonical spellings such as {@code "60m"}; they denote the same duration.
 * Seconds and weeks are left out on purpose: alert windows are built from minute buckets, and a
 * week is ambiguous next to calendar periods.
 */
public final class WireDurations {

    private static final long MINUTES_PER_HOUR = 60;
    private static final long MINUTES_PER_DAY = 24 * MINUTES_PER_HOUR;
    /** Nine digits are centuries beyond any window and keep the arithmetic far from overflow. */
    private static final int MAX_DIGITS = 9;
    /** The longest duration whose canonical text still parses: 9 digits of minutes. */
    private static final Duration LONGEST = Duration.ofMinutes(999_999_999);

    private WireDurations() {
    }

    /**
     * The canonical text of {@code duration}.
     *
     * @throws IllegalArgumentException unless it is a positive whole number of minutes, at most
     *         999,999,999 of them
     */
    public static String format(Duration duration) {
        requireWire(duration);
        return DurationSyntax.format(duration);
    }

    /**
     * The duration {@code text} denotes.
     *
     * @throws IllegalArgumentException unless {@code text} is 1 to 9 digits without a leading zero
     *         followed by {@code m}, {@code h} or {@code d}
     */
    public static Duration parse(String text) {
        int digits = text.length() - 1;
        if (digits < 1 || digits > MAX_DIGITS || text.charAt(0) == '0') {
            throw notADuration(text);
        }
        long amount = 0;
        for (int i = 0; i < digits; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                throw notADuration(text);
            }
            amount = amount * 10 + (c - '0');
        }
        return switch (text.charAt(digits)) {
            case 'm' -> Duration.ofMinutes(amount);
            case 'h' -> Duration.ofHours(amount);
            case 'd' -> Duration.ofDays(amount);
            default -> throw notADuration(text);
        };
    }

    /** Fails unless {@code duration} can be written on the wire and read back. */
    static void requireWire(Duration duration) {
        if (duration.isNegative() || duration.isZero() || duration.compareTo(LONGEST) > 0
                || !duration.equals(Duration.ofMinutes(duration.toMinutes()))) {
            throw new IllegalArgumentException(
                    "not a whole number of minutes from 1 to 999999999: " + duration);
        }
    }

    private static IllegalArgumentException notADuration(String text) {
        return new IllegalArgumentException("not a duration: \"" + text
                + "\" (expected a positive whole number followed by m, h or d, e.g. \"5m\", \"1h\", \"30d\")");
    }
}
