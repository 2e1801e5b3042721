package dev.slopipeline.router.routing.timeinterval;

import dev.slopipeline.kit.yaml.Located;
import dev.slopipeline.kit.yaml.Problems;
import dev.slopipeline.kit.yaml.YamlFields;
import dev.slopipeline.kit.yaml.YamlMap;
import dev.slopipeline.kit.yaml.YamlNode;
import dev.slopipeline.router.routing.timeinterval.TimeInterval.Period;
import dev.slopipeline.router.routing.timeinterval.TimeInterval.Range;
import dev.slopipeline.router.routing.timeinterval.TimeInterval.TimeRange;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Reads {@code time_intervals} (and the deprecated {@code mute_time_intervals}, same shape) with
 * Alertmanager's rules for times of day, weekdays, days of the month, months, years and locations.
 */
public final class TimeIntervalReader {

    private static final Pattern TIME_OF_DAY = Pattern.compile("(([01][0-9])|(2[0-3])):[0-5][0-9]|24:00");
    private static final List<String> WEEKDAYS = List.of("sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday");
    private static final List<String> MONTHS = List.of("january", "february", "march", "april", "may", "june", "july",
            "august", "september", "october", "november", "december");

    private final Problems problems;
    private final Map<String, Integer> names = new LinkedHashMap<>();

    public TimeIntervalReader(Problems problems) {
        this.problems = problems;
    }

    /** Every interval name seen, even of intervals with mistakes, so routes naming them are not also reported. */
    public List<String> names() {
        return List.copyOf(names.keySet());
    }

    public List<TimeInterval> read(List<YamlNode> items, String section) {
        List<TimeInterval> intervals = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            items.get(i).asMap(problems, section + "[" + i + "]").flatMap(this::interval).ifPresent(intervals::add);
        }
        return intervals;
    }

    private Optional<TimeInterval> interval(YamlMap map) {
        Optional<String> name = map.requireString("name");
        name.ifPresent(n -> {
            Integer firstLine = names.putIfAbsent(n, map.get("name").orElseThrow().location().line());
            if (firstLine != null) {
                problems.error(map.get("name").orElseThrow().location(), "time interval name \"" + n
                        + "\" is already used at line " + firstLine + "; time interval names must be unique");
            }
        });
        String what = "time interval \"" + name.orElse("?") + "\"";
        List<Period> periods = new ArrayList<>();
        List<YamlNode> items = map.get("time_intervals")
                .flatMap(node -> node.asList(problems, map.describe("time_intervals"))).orElse(List.of());
        for (int i = 0; i < items.size(); i++) {
            items.get(i).asMap(problems, "time_intervals[" + i + "] of " + what).map(this::period).ifPresent(periods::add);
        }
        map.rejectUnknownFields();
        return name.map(n -> new TimeInterval(n, periods));
    }

    private Period period(YamlMap map) {
        List<TimeRange> times = new ArrayList<>();
        List<YamlNode> timeItems = map.get("times").flatMap(node -> node.asList(problems, map.describe("times"))).orElse(List.of());
        for (int i = 0; i < timeItems.size(); i++) {
            timeItems.get(i).asMap(problems, "times[" + i + "] of " + map.what()).flatMap(this::timeRange).ifPresent(times::add);
        }
        Period period = new Period(times,
                ranges(map, "weekdays", this::weekdays),
                ranges(map, "days_of_month", this::daysOfMonth),
                ranges(map, "months", this::months),
                ranges(map, "years", this::years),
                location(map));
        map.rejectUnknownFields();
        return period;
    }

    private Optional<TimeRange> timeRange(YamlMap map) {
        Optional<Integer> start = YamlFields.text(map, "start_time").flatMap(t -> minuteOfDay(map, "start_time", t));
        Optional<Integer> end = YamlFields.text(map, "end_time").flatMap(t -> minuteOfDay(map, "end_time", t));
        map.rejectUnknownFields();
        if (!map.has("start_time") || !map.has("end_time")) {
            problems.error(map.location(), map.what() + " needs both \"start_time\" and \"end_time\" (HH:MM)");
            return Optional.empty();
        }
        if (start.isEmpty() || end.isEmpty()) {
            return Optional.empty();
        }
        if (start.get() >= end.get()) {
            problems.error(map.location(), "\"start_time\" must be before \"end_time\" in " + map.what()
                    + "; for a period across midnight write two ranges, one ending at 24:00 and one starting at 00:00");
            return Optional.empty();
        }
        return Optional.of(new TimeRange(start.get(), end.get()));
    }

    private Optional<Integer> minuteOfDay(YamlMap map, String field, String text) {
        if (!TIME_OF_DAY.matcher(text).matches()) {
            problems.error(map.get(field).orElseThrow().location(), map.describe(field)
                    + " must be a time of day as HH:MM from 00:00 to 24:00, got \"" + text + "\"");
            return Optional.empty();
        }
        return Optional.of(Integer.parseInt(text.substring(0, 2)) * 60 + Integer.parseInt(text.substring(3)));
    }

    private List<Range> ranges(YamlMap map, String field, Function<String, Range> reader) {
        List<Range> ranges = new ArrayList<>();
        for (Located<String> entry : YamlFields.texts(map, field)) {
            try {
                ranges.add(reader.apply(entry.value().toLowerCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                problems.error(entry.location(), "\"" + entry.value() + "\" in " + map.describe(field) + ": " + e.getMessage());
            }
        }
        return ranges;
    }

    private Range weekdays(String text) {
        Range range = range(text, day -> named(day, WEEKDAYS, "a weekday: write sunday to saturday"));
        if (range.begin() > range.end()) {
            throw new IllegalArgumentException("the range ends before it starts; weeks run from sunday to saturday, "
                    + "so write two ranges, e.g. friday:saturday and sunday:monday");
        }
        return range;
    }

    private Range daysOfMonth(String text) {
        Range range = range(text, TimeIntervalReader::number);
        for (int day : new int[] {range.begin(), range.end()}) {
            if (day == 0 || day < -31 || day > 31) {
                throw new IllegalArgumentException(day + " is not a day of the month: use 1 to 31, or -1 to -31 to count from the end");
            }
        }
        if (range.begin() < 0 && range.end() > 0) {
            throw new IllegalArgumentException("a range that starts counting from the end of the month must end counting from the end too");
        }
        // Negative days depend on the month's length; 28 days is the shortest, so a range reversed there is always empty.
        int begin = range.begin() < 0 ? 28 + range.begin() : range.begin();
        int end = range.end() < 0 ? 28 + range.end() : range.end();
        if (begin > end) {
            throw new IllegalArgumentException("the range ends before it starts in every month");
        }
        return range;
    }

    private Range months(String text) {
        Range range = range(text, TimeIntervalReader::month);
        if (range.begin() > range.end()) {
            throw new IllegalArgumentException("the range ends before it starts; for a range across the new year write two, "
                    + "e.g. november:december and january:february");
        }
        return range;
    }

    private Range years(String text) {
        Range range = range(text, TimeIntervalReader::number);
        if (range.begin() > range.end()) {
            throw new IllegalArgumentException("the range ends before it starts");
        }
        return range;
    }

    /** {@code a} or {@code a:b}, both ends included. */
    private static Range range(String text, Function<String, Integer> member) {
        String[] ends = text.split(":", -1);
        if (ends.length > 2) {
            throw new IllegalArgumentException("write one value or a range of two, start:end");
        }
        int begin = member.apply(ends[0]);
        return new Range(begin, ends.length == 2 ? member.apply(ends[1]) : begin);
    }

    private static int named(String text, List<String> names, String what) {
        int index = names.indexOf(text);
        if (index < 0) {
            throw new IllegalArgumentException("\"" + text + "\" is not " + what);
        }
        return index;
    }

    private static int number(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("\"" + text + "\" is not a whole number");
        }
    }

    private static int month(String text) {
        if (MONTHS.contains(text)) {
            return MONTHS.indexOf(text) + 1;
        }
        if (text.matches("\\d{1,2}") && Integer.parseInt(text) >= 1 && Integer.parseInt(text) <= 12) {
            return Integer.parseInt(text);
        }
        throw new IllegalArgumentException("\"" + text + "\" is not a month: write january to december, or 1 to 12");
    }

    private ZoneId location(YamlMap map) {
        return YamlFields.text(map, "location").flatMap(name -> {
            if (name.equals("Local")) {
                return Optional.of(ZoneId.systemDefault());
            }
            if (name.equals("UTC")) {
                return Optional.<ZoneId>of(ZoneOffset.UTC);
            }
            try {
                return Optional.of(ZoneId.of(name));
            } catch (DateTimeException e) {
                problems.error(map.get("location").orElseThrow().location(), "unknown time zone \"" + name + "\" in "
                        + map.describe("location") + "; use an IANA name such as Europe/Berlin, or UTC or Local");
                return Optional.empty();
            }
        }).orElse(ZoneOffset.UTC);
    }
}
