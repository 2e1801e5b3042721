package dev.slopipeline.definitions.model;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The duration syntax of SLO files: whole numbers with units {@code m} (minutes), {@code h}, {@code d}
 * and {@code w}, largest first ({@code 1h30m}). Seconds and months are refused on purpose: windows are
 * counted in whole minutes, and {@code M} is read as minutes by some tools and months by others.
 */
public final class DurationSyntax {

    private static final Pattern COMPOUND = Pattern.compile("(?:(\\d+)w)?(?:(\\d+)d)?(?:(\\d+)h)?(?:(\\d+)m)?");
    private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)([a-zA-Z]*)");
    private static final long MAX_MINUTES = Duration.ofDays(3660).toMinutes();

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
        Matcher whole = COMPOUND.matcher(trimmed);
        if (whole.matches()) {
            long minutes = 0;
            long[] unitMinutes = {7 * 24 * 60, 24 * 60, 60, 1};
            for (int group = 1; group <= 4; group++) {
                String digits = whole.group(group);
                if (digits != null) {
                    minutes += parseCount(digits, trimmed) * unitMinutes[group - 1];
                    if (minutes > MAX_MINUTES) {
                        throw new IllegalArgumentException("duration \"" + trimmed + "\" is longer than 10 years");
                    }
                }
            }
            if (minutes == 0) {
                throw new IllegalArgumentException("duration \"" + trimmed + "\" must be longer than zero");
            }
            return Duration.ofMinutes(minutes);
        }
        throw new IllegalArgumentException(explainInvalid(trimmed));
    }

    private static long parseCount(String digits, String text) {
        if (digits.length() > 9) {
            throw new IllegalArgumentException("duration \"" + text + "\" is longer than 10 years");
        }
        return Long.parseLong(digits);
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

    /** Formats in the largest of d, h and m that divides the duration exactly: 24h is 1d, 90m stays 90m. */
    public static String format(Duration duration) {
        long minutes = duration.toMinutes();
        if (minutes % (24 * 60) == 0) {
            return minutes / (24 * 60) + "d";
        }
        if (minutes % 60 == 0) {
            return minutes / 60 + "h";
        }
        return minutes + "m";
    }
}
