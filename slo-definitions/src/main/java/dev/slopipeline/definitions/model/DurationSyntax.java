package dev.slopipeline.definitions.model;

import dev.slopipeline.kit.time.Durations;
import dev.slopipeline.kit.time.Durations.Unit;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The duration syntax of SLO files, the minute-and-up part of {@link Durations}: whole numbers with
 * units {@code m} (minutes), {@code h}, {@code d} and {@code w}, largest first ({@code 1h30m}). Seconds and months are refused on purpose: windows are
 * counted in whole minutes, and {@code M} is read as minutes by some tools and months by others.
 */
public final class DurationSyntax {

    /** The units of SLO files, a part of {@link Durations}' syntax. */
    private static final Set<Unit> UNITS = EnumSet.of(Unit.WEEKS, Unit.DAYS, Unit.HOURS, Unit.MINUTES);
    private static final Set<Unit> FORMAT_UNITS = EnumSet.of(Unit.DAYS, Unit.HOURS, Unit.MINUTES);
    private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)([a-zA-Z]*)");
    private static final Duration LONGEST = Duration.ofDays(3660);

    private DurationSyntax() {
    }

    /**
     * Parses a duration such as {@code 5m}, {@code 6h}, {@code 30d}, {@code 2w} or {@code 1h30m}.
     *
     * @throws IllegalArgumentException with a message that says what is wrong and what would be right
     */
    public static Duration parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("empty duration: write a number and a unit, e.g. 5m, 1h, 30d or 4w");
        }
        String trimmed = text.strip();
        Duration duration = Durations.read(trimmed, UNITS)
                .orElseThrow(() -> new IllegalArgumentException(explainInvalid(trimmed)));
        if (duration.compareTo(LONGEST) > 0) {
            throw new IllegalArgumentException("duration \"" + trimmed + "\" is longer than 10 years");
        }
        if (duration.isZero()) {
            throw new IllegalArgumentException("duration \"" + trimmed + "\" must be longer than zero");
        }
        return duration;
    }

    private static String explainInvalid(String text) {
        Matcher part = PART.matcher(text);
        String previousUnit = null;
        int position = 0;
        while (part.find() && part.start() == position) {
            String number = part.group(1);
            String unit = part.group(2);
            String quoted = "\"" + text + "\"";
            if (number.contains(".")) {
                return "duration " + quoted + " has a fraction: use whole numbers of a smaller unit (1.5h is 90m)";
            }
            switch (unit) {
                case "" -> {
                    return "duration " + quoted + " has no unit: write " + number + "m, " + number + "h, " + number + "d or " + number + "w";
                }
                case "M" -> {
                    return "duration " + quoted + " is ambiguous: M means minutes to some tools and months to others; "
                            + "write m for minutes, or use window: {calendar: month} for a calendar month";
                }
                case "s", "ms", "us", "ns" -> {
                    return "duration " + quoted + " is finer than a minute: SLO windows are counted in whole minutes (m, h, d, w)";
                }
                case "y", "Y" -> {
                    return "duration " + quoted + " uses years: write days instead (365d), or a calendar window";
                }
                case "m", "h", "d", "w" -> {
                    if (previousUnit != null && "mhdw".indexOf(unit) >= "mhdw".indexOf(previousUnit)) {
                        return "duration " + quoted + " must list each unit once, largest first (e.g. 1d12h, 1h30m)";
                    }
                    previousUnit = unit;
                }
                default -> {
                    return "duration " + quoted + " has an unknown unit \"" + unit + "\": use m (minutes), h (hours), d (days) or w (weeks)";
                }
            }
            position = part.end();
        }
        return "\"" + text + "\" is not a duration: write a whole number and a unit, e.g. 5m, 1h, 30d or 4w";
    }

    /**
     * Formats the whole minutes of {@code duration} in the largest of d, h and m that divides them
     * exactly: 24h is 1d, 90m stays 90m.
     */
    public static String format(Duration duration) {
        return Durations.formatInOneUnit(Duration.ofMinutes(duration.toMinutes()), FORMAT_UNITS);
    }
}
