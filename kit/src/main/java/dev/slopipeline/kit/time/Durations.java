package dev.slopipeline.kit.time;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one duration syntax of slo-pipeline, as Prometheus and Alertmanager write durations
 * ({@code model.ParseDuration}): whole numbers with units {@code y} (365 days), {@code w}, {@code d},
 * {@code h}, {@code m}, {@code s} and {@code ms}, each at most once and largest first, as in
 * {@code 1h30m}; or a bare {@code 0}.
 *
 * <p>Places that take fewer units (SLO windows count whole minutes; the alert wire writes one unit)
 * read with {@link #read(String, Set)} and explain refusals in their own words.
 */
public final class Durations {

    /** The units, largest first. */
    public enum Unit {
        YEARS("y", 365L * 24 * 3600 * 1000),
        WEEKS("w", 7L * 24 * 3600 * 1000),
        DAYS("d", 24L * 3600 * 1000),
        HOURS("h", 3600L * 1000),
        MINUTES("m", 60L * 1000),
        SECONDS("s", 1000L),
        MILLISECONDS("ms", 1L);

        private final String symbol;
        private final long millis;

        Unit(String symbol, long millis) {
            this.symbol = symbol;
            this.millis = millis;
        }

        public String symbol() {
            return symbol;
        }

        public Duration length() {
            return Duration.ofMillis(millis);
        }
    }

    /** Every unit. */
    public static final Set<Unit> ALL_UNITS = EnumSet.allOf(Unit.class);
    /** Go's time.Duration counts nanoseconds in an int64: about 292 years. */
    private static final Duration LONGEST = Duration.ofMillis(Long.MAX_VALUE / 1_000_000);
    /** What {@link #read} answers for a count too large to add up. */
    private static final Duration SATURATED = Duration.ofMillis(Long.MAX_VALUE);
    /** The syntax for each set of units, by the bit mask of their ordinals; built when first asked for. */
    private static final AtomicReferenceArray<Pattern> SYNTAXES = new AtomicReferenceArray<>(1 << Unit.values().length);
    private static final Pattern ALL_UNITS_SYNTAX = syntax(ALL_UNITS);

    private Durations() {
    }

    /**
     * The duration {@code text} denotes in the full syntax.
     *
     * @throws IllegalArgumentException saying what is wrong and what would be right
     */
    public static Duration parse(String text) {
        if (text.equals("0")) {
            return Duration.ZERO;
        }
        Duration duration = read(ALL_UNITS_SYNTAX.matcher(text))
                .orElseThrow(() -> new IllegalArgumentException(explain(text)));
        if (duration.compareTo(LONGEST) > 0) {
            throw new IllegalArgumentException("duration \"" + text + "\" is too long (at most about 292 years)");
        }
        return duration;
    }

    /**
     * The duration {@code text} denotes when written with {@code units} only, each at most once and
     * largest first; empty when it is not written so (including the empty text). A count too large
     * to add up reads as a duration longer than any a caller accepts, so callers say "too long" by
     * comparing with their own limit.
     */
    public static Optional<Duration> read(String text, Set<Unit> units) {
        return read(syntax(units).matcher(text));
    }

    /**
     * {@code duration} in the largest of {@code units} that divides it exactly, e.g. {@code 1d} for
     * 24 hours and {@code 90m} for 90 minutes when the units are days, hours and minutes.
     *
     * @throws IllegalArgumentException when none of {@code units} divides it
     */
    public static String formatInOneUnit(Duration duration, Set<Unit> units) {
        long millis = duration.toMillis();
        for (Unit unit : units) {
            if (millis % unit.millis == 0) {
                return millis / unit.millis + unit.symbol;
            }
        }
        throw new IllegalArgumentException(duration + " is not a whole number of " + units);
    }

    /**
     * {@code duration} in the full syntax, every unit that counts, largest first, as Prometheus
     * prints durations: {@code 1h30m}, {@code 1d}, {@code 1s500ms}; {@code 0s} for zero.
     *
     * @throws IllegalArgumentException for a negative duration or one finer than a millisecond
     */
    public static String format(Duration duration) {
        if (duration.isNegative() || !duration.equals(Duration.ofMillis(duration.toMillis()))) {
            throw new IllegalArgumentException("not a whole number of milliseconds from 0: " + duration);
        }
        long millis = duration.toMillis();
        if (millis == 0) {
            return "0s";
        }
        StringBuilder text = new StringBuilder();
        for (Unit unit : Unit.values()) {
            long count = millis / unit.millis;
            if (count > 0) {
                text.append(count).append(unit.symbol);
                millis -= count * unit.millis;
            }
        }
        return text.toString();
    }

    /**
     * {@code duration} for people to read at a glance, rounded to the second and cut to its two
     * largest units (days, hours, minutes, seconds): {@code 52s}, {@code 4m19s}, {@code 2d2h}.
     */
    public static String formatRoughly(Duration duration) {
        long seconds = Math.round(duration.toMillis() / 1000.0);
        if (seconds < 60) {
            return seconds + "s";
        }
        List<Unit> units = List.of(Unit.DAYS, Unit.HOURS, Unit.MINUTES, Unit.SECONDS);
        StringBuilder text = new StringBuilder();
        int written = 0;
        for (int i = 0; i < units.size() && written < 2; i++) {
            long size = units.get(i).millis / 1000;
            long count = seconds / size;
            if (count > 0 || written > 0) {
                if (count > 0) {
                    text.append(count).append(units.get(i).symbol);
                }
                seconds -= count * size;
                written++;
            }
        }
        return text.toString();
    }

    private static Pattern syntax(Set<Unit> units) {
        int mask = 0;
        for (Unit unit : units) {
            mask |= 1 << unit.ordinal();
        }
        Pattern syntax = SYNTAXES.get(mask);
        if (syntax == null) {
            syntax = compile(units);
            SYNTAXES.set(mask, syntax);
        }
        return syntax;
    }

    private static Pattern compile(Set<Unit> units) {
        StringBuilder regex = new StringBuilder();
        for (Unit unit : Unit.values()) {
            // a unit left out still takes its group, so that group numbers stay the units' ordinals
            regex.append(units.contains(unit) ? "(?:(\\d+)" + unit.symbol + ")?" : "()?");
        }
        return Pattern.compile(regex.toString());
    }

    private static Optional<Duration> read(Matcher parts) {
        if (!parts.matches() || parts.end() == 0) {
            return Optional.empty();
        }
        long millis = 0;
        for (Unit unit : Unit.values()) {
            String count = parts.group(unit.ordinal() + 1);
            if (count != null && !count.isEmpty()) {
                try {
                    millis = Math.addExact(millis, Math.multiplyExact(Long.parseLong(count), unit.millis));
                } catch (ArithmeticException | NumberFormatException tooLong) {
                    return Optional.of(SATURATED);
                }
            }
        }
        return Optional.of(Duration.ofMillis(millis));
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
