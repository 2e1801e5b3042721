package dev.slopipeline.router.oncall.schedule;

import dev.slopipeline.kit.yaml.Problems;
import dev.slopipeline.kit.yaml.Suggestions;
import dev.slopipeline.kit.yaml.YamlNode;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The time words of the on-call configuration: time zones, days of the week, times of day, dates and
 * instants. Each reports a problem at the node and returns empty when the text is not right.
 */
final class TimeSyntax {

    private static final Pattern TIME_OF_DAY = Pattern.compile("(\\d{1,2}):(\\d{2})");
    private static final String RANGE = "..";
    private static final List<String> DAY_NAMES = Arrays.stream(DayOfWeek.values())
            .map(day -> day.name().toLowerCase(Locale.ROOT))
            .toList();

    private TimeSyntax() {
    }

    static Optional<ZoneId> zone(YamlNode node, String what, Problems problems) {
        return node.asString(problems, what).flatMap(text -> {
            try {
                return Optional.of(ZoneId.of(text));
            } catch (DateTimeException e) {
                String hint = Suggestions.closest(text, ZoneId.getAvailableZoneIds())
                        .map(s -> "; did you mean \"" + s + "\"?")
                        .orElse("; write a region such as Europe/Berlin or America/New_York");
                problems.error(node.location(), what + " is not a time zone: \"" + text + "\"" + hint);
                return Optional.empty();
            }
        });
    }

    /** {@code H:MM} or {@code HH:MM}; {@code 24:00} (the end of the day) only where {@code endOfDayAllowed}. */
    static Optional<LocalTime> timeOfDay(YamlNode node, String what, boolean endOfDayAllowed, Problems problems) {
        // unquoted 10:00 is a YAML 1.1 sexagesimal number, so take the text as written whatever its type
        return node.asText(problems, what).flatMap(text -> {
            Matcher matcher = TIME_OF_DAY.matcher(text);
            if (matcher.matches()) {
                int hour = Integer.parseInt(matcher.group(1));
                int minute = Integer.parseInt(matcher.group(2));
                if (endOfDayAllowed && hour == 24 && minute == 0) {
                    return Optional.of(LocalTime.MIDNIGHT);
                }
                if (hour < 24 && minute < 60) {
                    return Optional.of(LocalTime.of(hour, minute));
                }
            }
            problems.error(node.location(), what + " must be a time of day from 00:00 to "
                    + (endOfDayAllowed ? "24:00" : "23:59") + ", got \"" + text + "\"");
            return Optional.empty();
        });
    }

    static Optional<LocalDate> date(YamlNode node, String what, Problems problems) {
        return node.asText(problems, what).flatMap(text -> {
            try {
                return Optional.of(LocalDate.parse(text));
            } catch (DateTimeParseException e) {
                problems.error(node.location(), what + " must be a date as YYYY-MM-DD, got \"" + text + "\"");
                return Optional.empty();
            }
        });
    }

    static Optional<DayOfWeek> day(YamlNode node, String what, Problems problems) {
        return node.asString(problems, what).flatMap(text -> dayNamed(text, node, what, problems));
    }

    /** Day names and ranges such as {@code monday..friday}; a range may wrap ({@code friday..monday}). */
    static Optional<Set<DayOfWeek>> days(YamlNode node, String what, Problems problems) {
        return node.asList(problems, what).flatMap(items -> {
            if (items.isEmpty()) {
                problems.error(node.location(), what + " must list at least one day");
                return Optional.empty();
            }
            Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
            boolean allRead = true;
            for (YamlNode item : items) {
                Optional<Set<DayOfWeek>> read = item.asString(problems, "a day in " + what)
                        .flatMap(text -> dayOrRange(text, item, what, problems));
                read.ifPresent(days::addAll);
                allRead &= read.isPresent();
            }
            return allRead ? Optional.of(days) : Optional.empty();
        });
    }

    /**
     * A date and time with an offset ({@code 2026-12-24T18:00:00+01:00}, {@code ...Z}) is that instant;
     * without one it is wall time in the zone.
     */
    static Optional<Instant> instant(YamlNode node, String what, ZoneId zone, Problems problems) {
        return node.asText(problems, what).flatMap(text -> {
            try {
                return Optional.of(OffsetDateTime.parse(text).toInstant());
            } catch (DateTimeParseException withoutOffset) {
                try {
                    return Optional.of(WallClock.toInstant(LocalDateTime.parse(text), zone));
                } catch (DateTimeParseException e) {
                    problems.error(node.location(), what + " must be a date and time such as 2026-12-24T18:00 (in the time zone "
                            + zone + ") or 2026-12-24T18:00:00+01:00, got \"" + text + "\"");
                    return Optional.empty();
                }
            }
        });
    }

    private static Optional<Set<DayOfWeek>> dayOrRange(String text, YamlNode node, String what, Problems problems) {
        int range = text.indexOf(RANGE);
        if (range < 0) {
            return dayNamed(text, node, what, problems).map(EnumSet::of);
        }
        Optional<DayOfWeek> first = dayNamed(text.substring(0, range), node, what, problems);
        Optional<DayOfWeek> last = dayNamed(text.substring(range + RANGE.length()), node, what, problems);
        if (first.isEmpty() || last.isEmpty()) {
            return Optional.empty();
        }
        DayOfWeek day = first.get();
        Set<DayOfWeek> days = EnumSet.of(day);
        while (day != last.get()) {
            day = day.plus(1);
            days.add(day);
        }
        return Optional.of(days);
    }

    private static Optional<DayOfWeek> dayNamed(String text, YamlNode node, String what, Problems problems) {
        String name = text.strip().toLowerCase(Locale.ROOT);
        int index = DAY_NAMES.indexOf(name);
        if (index >= 0) {
            return Optional.of(DayOfWeek.values()[index]);
        }
        String hint = Suggestions.closest(name, DAY_NAMES)
                .map(s -> "; did you mean \"" + s + "\"?")
                .orElse("; write monday to sunday, or a range such as monday..friday");
        problems.error(node.location(), what + ": \"" + text + "\" is not a day of the week" + hint);
        return Optional.empty();
    }
}
