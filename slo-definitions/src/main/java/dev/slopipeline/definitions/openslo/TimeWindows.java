package dev.slopipeline.definitions.openslo;

import dev.slopipeline.definitions.model.DurationSyntax;
import dev.slopipeline.definitions.model.SloWindow;
import dev.slopipeline.definitions.model.SloWindow.CalendarPeriod;
import dev.slopipeline.kit.yaml.Problems;
import dev.slopipeline.kit.yaml.SourceLocation;
import dev.slopipeline.kit.yaml.YamlMap;
import dev.slopipeline.kit.yaml.YamlNode;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An OpenSLO {@code timeWindow} to an {@link SloWindow}. OpenSLO leaves the meaning of its duration units
 * to implementations; ours: a rolling window must have a fixed length ({@code m h d w}), a calendar
 * window is a calendar week ({@code 1w}) or month ({@code 1M}), the only periods our windows reset on.
 */
final class TimeWindows {

    private static final Pattern SHORTHAND = Pattern.compile("(\\d+)([mhdwMQY])");
    private static final ZoneId UTC = ZoneOffset.UTC;

    private TimeWindows() {
    }

    static Optional<SloWindow> read(YamlNode timeWindow, String slo, Problems problems) {
        String what = "timeWindow of " + slo;
        Optional<List<YamlNode>> windows = timeWindow.asList(problems, what);
        if (windows.isEmpty()) {
            return Optional.empty();
        }
        if (windows.get().size() != 1) {
            problems.error(timeWindow.location(), what + " must hold exactly one window, got " + windows.get().size());
            return Optional.empty();
        }
        return windows.get().get(0).asMap(problems, "the window in " + what).flatMap(window -> read(window, problems));
    }

    private static Optional<SloWindow> read(YamlMap window, Problems problems) {
        Optional<YamlNode> duration = window.require("duration");
        Optional<Boolean> isRolling = window.get("isRolling").flatMap(node -> node.asBoolean(problems, window.describe("isRolling")));
        Optional<YamlMap> calendar = window.get("calendar").flatMap(node -> node.asMap(problems, window.describe("calendar")));
        window.rejectUnknownFields();
        // OpenSLO: "if omitted assumed false if calendar is present"; without a calendar only rolling makes sense
        boolean rolling = isRolling.orElse(calendar.isEmpty());
        if (rolling && calendar.isPresent()) {
            problems.error(window.keyLocation("calendar"), "a rolling window has no calendar: remove calendar, "
                    + "or set isRolling: false for a calendar-aligned window");
            return Optional.empty();
        }
        Optional<String> text = duration.flatMap(node -> node.asText(problems, window.describe("duration")));
        if (text.isEmpty()) {
            return Optional.empty();
        }
        SourceLocation where = duration.get().location();
        if (!checkShorthand(text.get(), where, problems)) {
            return Optional.empty();
        }
        return rolling ? rolling(text.get(), where, problems) : calendar(text.get(), where, calendar, problems);
    }

    private static boolean checkShorthand(String text, SourceLocation where, Problems problems) {
        Matcher shorthand = SHORTHAND.matcher(text);
        if (!shorthand.matches()) {
            problems.error(where, "timeWindow duration \"" + text + "\" is not an OpenSLO duration: write a whole number "
                    + "and one unit of m, h, d, w, M, Q or Y (e.g. 28d, 1M)");
            return false;
        }
        String unit = shorthand.group(2);
        if (unit.equals("Q") || unit.equals("Y")) {
            problems.error(where, "timeWindow duration \"" + text + "\" counts " + (unit.equals("Q") ? "quarters" : "years")
                    + ", which slo-pipeline does not support: use a calendar month (1M with isRolling: false), "
                    + "a calendar week (1w) or a rolling window such as 28d or 90d");
            return false;
        }
        return true;
    }

    private static Optional<SloWindow> rolling(String text, SourceLocation where, Problems problems) {
        if (text.endsWith("M")) {
            problems.error(where, "a rolling window of \"" + text + "\" has no fixed length (months have 28 to 31 days): "
                    + "write 30d for a rolling window, or isRolling: false for a calendar month");
            return Optional.empty();
        }
        try {
            return Optional.of(new SloWindow.Rolling(DurationSyntax.parse(text)));
        } catch (IllegalArgumentException e) {
            problems.error(where, e.getMessage());
            return Optional.empty();
        }
    }

    private static Optional<SloWindow> calendar(String text, SourceLocation where, Optional<YamlMap> calendar, Problems problems) {
        CalendarPeriod period = switch (text) {
            case "1M" -> CalendarPeriod.MONTH;
            case "1w" -> CalendarPeriod.WEEK;
            default -> null;
        };
        if (period == null) {
            problems.error(where, "a calendar window must be 1M (a month) or 1w (a week from Monday), got \"" + text
                    + "\"; for other lengths use a rolling window (isRolling: true)");
            return Optional.empty();
        }
        if (calendar.isEmpty()) {
            return Optional.of(new SloWindow.Calendar(period, UTC));
        }
        YamlMap fields = calendar.get();
        Optional<ZoneId> zone = fields.get("timeZone").isPresent() ? timeZone(fields, problems) : Optional.of(UTC);
        fields.get("startTime").ifPresent(startTime -> checkStartTime(startTime, period, problems));
        fields.rejectUnknownFields();
        return zone.map(z -> new SloWindow.Calendar(period, z));
    }

    private static Optional<ZoneId> timeZone(YamlMap calendar, Problems problems) {
        return calendar.string("timeZone").flatMap(name -> {
            try {
                return Optional.of(ZoneId.of(name).normalized());
            } catch (DateTimeException e) {
                problems.error(calendar.get("timeZone").orElseThrow().location(), "timeZone \"" + name
                        + "\" is not an IANA time zone name (e.g. UTC, Europe/Berlin, America/New_York)");
                return Optional.empty();
            }
        });
    }

    /** Our calendar windows always reset at the start of a month or week, so a startTime can only confirm that. */
    private static void checkStartTime(YamlNode startTime, CalendarPeriod period, Problems problems) {
        startTime.asText(problems, "calendar startTime").ifPresent(text -> {
            Optional<LocalDateTime> start = localDateTime(text);
            if (start.isEmpty()) {
                problems.error(startTime.location(), "calendar startTime \"" + text + "\" must be a date and time such as 2024-01-01 00:00:00");
                return;
            }
            boolean midnight = start.get().toLocalTime().equals(LocalTime.MIDNIGHT);
            if (period == CalendarPeriod.MONTH && !(midnight && start.get().getDayOfMonth() == 1)) {
                problems.error(startTime.location(), "calendar startTime \"" + text + "\" does not start a month: slo-pipeline's "
                        + "calendar months start at 00:00 on the 1st in the window's timeZone (e.g. 2024-01-01 00:00:00)");
            }
            if (period == CalendarPeriod.WEEK && !(midnight && start.get().getDayOfWeek() == DayOfWeek.MONDAY)) {
                problems.error(startTime.location(), "calendar startTime \"" + text + "\" does not start a week: slo-pipeline's "
                        + "calendar weeks start at 00:00 on Monday in the window's timeZone (e.g. 2024-01-01 00:00:00)");
            }
        });
    }

    private static Optional<LocalDateTime> localDateTime(String text) {
        try {
            return Optional.of(text.length() == 10 ? LocalDate.parse(text).atStartOfDay() : LocalDateTime.parse(text.replace(' ', 'T')));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }
}
