package dev.slopipeline.router.config;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as Prometheus and Alertmanager write them ({@code model.ParseDuration}): whole numbers
 * with units {@code y} (365 days), {@code w}, {@code d}, {@code h}, {@code m}, {@code s} and
 * {@code ms}, each at most once and largest first, as in {@code 1h30m}; or a bare {@code 0}.
 */
public final class PrometheusDuration {

    private static final Pattern SYNTAX = Pattern.compile(
            "(?:(\\d+)y)?(?:(\\d+)w)?(?:(\\d+)d)?(?:(\\d+)h)?(?:(\\d+)m)?(?:(\\d+)s)?(?:(\\d+)ms)?");
    private static final long[] UNIT_MILLIS = {
        365L * 24 * 3600 * 1000, 7L * 24 * 3600 * 1000, 24L * 3600 * 1000, 3600L * 1000, 60L * 1000, 1000L, 1L};
    /** Go's time.Duration counts nanoseconds in an int64: about 292 years. */
    private static final long MAX_MILLIS = Long.MAX_VALUE / 1_000_000;

    private PrometheusDuration() {
    }

    /** @throws IllegalArgumentException saying what is wrong and what would be right */
    public static Duration parse(String text) {
        if (text.equals("0")) {
            return Duration.ZERO;
        }
        Matcher parts = SYNTAX.matcher(text);
        if (text.isEmpty() || !parts.matches()) {
            throw new IllegalArgumentException(explain(text));
        }
        long millis = 0;
        for (int unit = 0; unit < UNIT_MILLIS.length; unit++) {
            String count = parts.group(unit + 1);
            if (count != null) {
                try {
                    millis = Math.addExact(millis, Math.multiplyExact(Long.parseLong(count), UNIT_MILLIS[unit]));
                } catch (ArithmeticException | NumberFormatException tooLong) {
                    millis = Long.MAX_VALUE;
                }
            }
        }
        if (millis > MAX_MILLIS) {
            throw new IllegalArgumentException("duration \"" + text + "\" is too long (at most about 292 years)");
        }
        return Duration.ofMillis(millis);
    }

    private static String explain(String text) {
        String hint = "";
        if (text.contains(".")) {
            hint = " (no fractions: 1.5h is 1h30m)";
        } else if (!text.equals(text.toLowerCase(Locale.ROOT))) {
            hint = " (units are lower case)";
        } else if (text.matches("\\d+")) {
            hint = " (a number needs a unit, e.g. " + text + "s or " + text + "m)";
        } else if (text.matches("[0-9a-z]+")) {
            hint = " (each unit at most once, largest first)";
        }
        return "\"" + text + "\" is not a duration: write whole numbers with units y, w, d, h, m, s or ms, largest first, "
                + "e.g. 30s, 5m, 4h or 1h30m" + hint;
    }
}
