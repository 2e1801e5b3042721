package dev.slopipeline.definitions.alert;

import dev.slopipeline.definitions.model.DurationSyntax;
import dev.slopipeline.kit.time.Durations;
import dev.slopipeline.kit.time.Durations.Unit;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import java.util.regex.Pattern;

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

    /**
     * One count and one unit, the part of {@link Durations}' syntax the wire uses. Nine digits are
     * centuries beyond any window and keep the arithmetic far from overflow.
     */
    private static final Pattern ONE_UNIT = Pattern.compile("[1-9][0-9]{0,8}[mhd]");
    private static final Set<Unit> UNITS = EnumSet.of(Unit.DAYS, Unit.HOURS, Unit.MINUTES);
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
        if (!ONE_UNIT.matcher(text).matches()) {
            throw notADuration(text);
        }
        return Durations.read(text, UNITS).orElseThrow(() -> notADuration(text));
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
