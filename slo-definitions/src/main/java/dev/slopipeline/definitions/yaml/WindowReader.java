package dev.slopipeline.definitions.yaml;

import dev.slopipeline.kit.yaml.YamlMap;
import dev.slopipeline.kit.yaml.YamlNode;
import dev.slopipeline.kit.yaml.Problems;
import dev.slopipeline.kit.yaml.Suggestions;

import dev.slopipeline.definitions.model.SloWindow;
import dev.slopipeline.definitions.model.SloWindow.CalendarPeriod;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;

/** Reads an SLO's {@code window}: a rolling duration, or a calendar week or month in a time zone. */
final class WindowReader {

    private WindowReader() {
    }

    static Optional<SloWindow> read(YamlNode node, Problems problems) {
        if (node.isMap()) {
            return calendar(node.asMap(problems, "window").orElseThrow(), problems);
        }
        if (!node.isScalar()) {
            problems.error(node.location(), "window must be a duration such as 30d, or a calendar window such as "
                    + "{calendar: month}, got " + node.describe());
            return Optional.empty();
        }
        return DurationReader.read(node, "window", problems).map(SloWindow.Rolling::new);
    }

    private static Optional<SloWindow> calendar(YamlMap window, Problems problems) {
        Optional<YamlNode> periodNode = window.require("calendar", "month or week, e.g. {calendar: month}");
        Optional<String> periodText = periodNode.flatMap(n -> n.asString(problems, window.describe("calendar")));
        Optional<CalendarPeriod> period = periodText.flatMap(WindowReader::period);
        if (periodText.isPresent() && period.isEmpty()) {
            problems.error(periodNode.get().location(), "calendar must be month or week, got \"" + periodText.get()
                    + "\"; for another length use a rolling window such as window: 90d");
        }
        Optional<ZoneId> zone = window.get("timeZone")
                .map(node -> zone(node, window, problems))
                .orElse(Optional.of(ZoneOffset.UTC));
        window.rejectUnknownFields();
        if (period.isEmpty() || zone.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new SloWindow.Calendar(period.get(), zone.get()));
    }

    private static Optional<CalendarPeriod> period(String text) {
        return switch (text) {
            case "month" -> Optional.of(CalendarPeriod.MONTH);
            case "week" -> Optional.of(CalendarPeriod.WEEK);
            default -> Optional.empty();
        };
    }

    private static Optional<ZoneId> zone(YamlNode node, YamlMap window, Problems problems) {
        Optional<String> text = node.asString(problems, window.describe("timeZone"));
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            // UTC and Etc/UTC become the offset Z, so that equal windows compare equal
            return Optional.of(ZoneId.of(text.get()).normalized());
        } catch (DateTimeException unknown) {
            String hint = Suggestions.closest(text.get(), ZoneId.getAvailableZoneIds())
                    .map(s -> "; did you mean \"" + s + "\"?")
                    .orElse("; use an IANA zone such as Europe/Berlin, America/New_York or UTC");
            problems.error(node.location(), "unknown time zone \"" + text.get() + "\"" + hint);
            return Optional.empty();
        }
    }
}
