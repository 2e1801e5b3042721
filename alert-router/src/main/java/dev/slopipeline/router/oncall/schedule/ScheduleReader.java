package dev.slopipeline.router.oncall.schedule;

import dev.slopipeline.definitions.model.DurationSyntax;
import dev.slopipeline.kit.yaml.Problems;
import dev.slopipeline.kit.yaml.SourceLocation;
import dev.slopipeline.kit.yaml.YamlMap;
import dev.slopipeline.kit.yaml.YamlNode;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.TextStyle;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Reads the {@code schedules} section; users must be declared in {@code users}. */
final class ScheduleReader {

    /** Shorter turns are a typo (1m for one month?) far more often than a plan. */
    private static final Duration SHORTEST_TURN = Duration.ofHours(1);
    private static final Duration WEEK = Duration.ofDays(7);

    private final DeclaredNames users;
    private final DeclaredNames names;
    private final Problems problems;

    ScheduleReader(DeclaredNames users, DeclaredNames names, Problems problems) {
        this.users = users;
        this.names = names;
        this.problems = problems;
    }

    Map<String, Schedule> read(YamlMap root) {
        Map<String, Schedule> schedules = new LinkedHashMap<>();
        root.get("schedules").flatMap(node -> node.asList(problems, "\"schedules\"")).ifPresent(items -> {
            for (int i = 0; i < items.size(); i++) {
                YamlNode item = items.get(i);
                item.asMap(problems, Entries.label("schedule", item, i))
                        .flatMap(this::schedule)
                        .ifPresent(schedule -> schedules.put(schedule.name(), schedule));
            }
        });
        return schedules;
    }

    private Optional<Schedule> schedule(YamlMap map) {
        int errorsBefore = problems.errorCount();
        Optional<String> name = Entries.declaredName(map, names);
        Optional<ZoneId> zone = map.require("time_zone")
                .flatMap(node -> TimeSyntax.zone(node, map.describe("time_zone"), problems));
        List<Layer> layers = map.require("layers").map(node -> layers(node, map, zone)).orElse(List.of());
        // with no valid zone, wall times are still read (as UTC) so that their own mistakes show too
        ZoneId wallClock = zone.orElse(ZoneOffset.UTC);
        List<ScheduleOverride> overrides = map.get("overrides").map(node -> overrides(node, map, wallClock)).orElse(List.of());
        map.rejectUnknownFields();
        if (problems.errorCount() > errorsBefore) {
            return Optional.empty();
        }
        return Optional.of(new Schedule(name.orElseThrow(), zone.orElseThrow(), layers, overrides));
    }

    private List<Layer> layers(YamlNode node, YamlMap schedule, Optional<ZoneId> zone) {
        List<Layer> layers = new ArrayList<>();
        DeclaredNames layerNames = new DeclaredNames("layer");
        node.asList(problems, schedule.describe("layers")).ifPresent(items -> {
            if (items.isEmpty()) {
                problems.error(node.location(), schedule.what() + " needs at least one layer");
            }
            for (int i = 0; i < items.size(); i++) {
                YamlNode item = items.get(i);
                String label = Entries.label("layer", item, i) + " of " + schedule.what();
                item.asMap(problems, label).flatMap(map -> layer(map, layerNames)).ifPresent(layers::add);
            }
        });
        return layers;
    }

    private Optional<Layer> layer(YamlMap map, DeclaredNames layerNames) {
        int errorsBefore = problems.errorCount();
        Optional<String> name = Entries.declaredName(map, layerNames);
        List<String> members = map.require("users").map(node -> members(node, map)).orElse(List.of());
        Optional<RotationTiming> timing = map.require("rotation")
                .flatMap(node -> node.asMap(problems, "rotation of " + map.what()))
                .flatMap(rotation -> timing(rotation, map.what()));
        List<Restriction> restrictions = map.get("restrictions").map(node -> restrictions(node, map)).orElse(List.of());
        map.rejectUnknownFields();
        if (problems.errorCount() > errorsBefore) {
            return Optional.empty();
        }
        RotationTiming t = timing.orElseThrow();
        Rotation rotation = new Rotation(members, t.start().atTime(t.handoffTime()), t.length());
        return Optional.of(new Layer(name.orElseThrow(), rotation, restrictions));
    }

    private List<String> members(YamlNode node, YamlMap layer) {
        List<String> members = new ArrayList<>();
        String what = layer.describe("users");
        node.asList(problems, what).ifPresent(items -> {
            if (items.isEmpty()) {
                problems.error(node.location(), what + " is empty: a rotation needs at least one user");
            }
            for (YamlNode item : items) {
                item.asString(problems, "a user in " + what)
                        .filter(user -> users.check(user, item.location(), layer.what(), problems))
                        .ifPresent(members::add);
            }
        });
        return members;
    }

    private record RotationTiming(Duration length, LocalDate start, LocalTime handoffTime) {
    }

    private Optional<RotationTiming> timing(YamlMap rotation, String layer) {
        int errorsBefore = problems.errorCount();
        Optional<Duration> length = rotation.require("length").flatMap(node -> turnLength(node, rotation.describe("length")));
        Optional<LocalDate> start = rotation.require("start").flatMap(node -> TimeSyntax.date(node, rotation.describe("start"), problems));
        Optional<YamlMap> handoff = rotation.require("handoff")
                .flatMap(node -> node.asMap(problems, "handoff of " + layer));
        Optional<LocalTime> time = handoff.flatMap(map -> map.require("time")
                .flatMap(node -> TimeSyntax.timeOfDay(node, map.describe("time"), false, problems)));
        handoff.ifPresent(map -> map.get("day").ifPresent(dayNode -> TimeSyntax.day(dayNode, map.describe("day"), problems)
                .ifPresent(day -> checkHandoffDay(day, dayNode, map, length, start, rotation))));
        handoff.ifPresent(YamlMap::rejectUnknownFields);
        rotation.rejectUnknownFields();
        if (problems.errorCount() > errorsBefore) {
            return Optional.empty();
        }
        return Optional.of(new RotationTiming(length.orElseThrow(), start.orElseThrow(), time.orElseThrow()));
    }

    private Optional<Duration> turnLength(YamlNode node, String what) {
        return node.asText(problems, what).flatMap(text -> {
            try {
                Duration length = DurationSyntax.parse(text);
                if (length.compareTo(SHORTEST_TURN) < 0) {
                    problems.error(node.location(), what + " must be at least 1h, got " + text);
                    return Optional.empty();
                }
                return Optional.of(length);
            } catch (IllegalArgumentException e) {
                problems.error(node.location(), what + ": " + e.getMessage());
                return Optional.empty();
            }
        });
    }

    /** The day is a check on the start date: both must say the same thing, or who goes first is a guess. */
    private void checkHandoffDay(DayOfWeek day, YamlNode dayNode, YamlMap handoff,
                                 Optional<Duration> length, Optional<LocalDate> start, YamlMap rotation) {
        if (length.isPresent() && length.get().toMinutes() % WEEK.toMinutes() != 0) {
            problems.error(dayNode.location(), handoff.describe("day") + " needs a length in whole weeks; this rotation hands off every "
                    + DurationSyntax.format(length.get()) + ", so leave the day out");
            return;
        }
        if (start.isPresent() && start.get().getDayOfWeek() != day) {
            LocalDate before = start.get().with(TemporalAdjusters.previous(day));
            LocalDate after = start.get().with(TemporalAdjusters.next(day));
            problems.error(rotation.get("start").orElseThrow().location(), rotation.describe("start") + " is a "
                    + dayName(start.get().getDayOfWeek()) + ", but hand-offs are on "
                    + dayName(day) + ": start on " + before + " or " + after);
        }
    }

    private static String dayName(DayOfWeek day) {
        return day.getDisplayName(TextStyle.FULL, Locale.ENGLISH);
    }

    private List<Restriction> restrictions(YamlNode node, YamlMap layer) {
        List<Restriction> restrictions = new ArrayList<>();
        node.asList(problems, layer.describe("restrictions")).ifPresent(items -> {
            for (int i = 0; i < items.size(); i++) {
                String label = "restriction " + (i + 1) + " of " + layer.what();
                items.get(i).asMap(problems, label).flatMap(this::restriction).ifPresent(restrictions::add);
            }
        });
        return restrictions;
    }

    private Optional<Restriction> restriction(YamlMap map) {
        int errorsBefore = problems.errorCount();
        Optional<Set<DayOfWeek>> days = map.get("days")
                .map(node -> TimeSyntax.days(node, map.describe("days"), problems))
                .orElse(Optional.of(EnumSet.allOf(DayOfWeek.class)));
        Optional<LocalTime> start = map.require("start").flatMap(node -> TimeSyntax.timeOfDay(node, map.describe("start"), false, problems));
        Optional<LocalTime> end = map.require("end").flatMap(node -> TimeSyntax.timeOfDay(node, map.describe("end"), true, problems));
        map.rejectUnknownFields();
        if (problems.errorCount() > errorsBefore) {
            return Optional.empty();
        }
        return Optional.of(new Restriction(days.orElseThrow(), start.orElseThrow(), end.orElseThrow()));
    }

    private List<ScheduleOverride> overrides(YamlNode node, YamlMap schedule, ZoneId zone) {
        List<ScheduleOverride> overrides = new ArrayList<>();
        List<SourceLocation> locations = new ArrayList<>();
        node.asList(problems, schedule.describe("overrides")).ifPresent(items -> {
            for (int i = 0; i < items.size(); i++) {
                YamlNode item = items.get(i);
                String label = "override " + (i + 1) + " of " + schedule.what();
                Optional<ScheduleOverride> read = item.asMap(problems, label).flatMap(map -> override(map, zone));
                if (read.isPresent()) {
                    rejectOverlap(read.get(), label, item.location(), overrides, locations);
                    overrides.add(read.get());
                    locations.add(item.location());
                }
            }
        });
        return overrides;
    }

    private Optional<ScheduleOverride> override(YamlMap map, ZoneId zone) {
        int errorsBefore = problems.errorCount();
        Optional<String> user = map.require("user").flatMap(node -> node.asString(problems, map.describe("user"))
                .filter(name -> users.check(name, node.location(), map.what(), problems)));
        Optional<Instant> start = map.require("start").flatMap(node -> TimeSyntax.instant(node, map.describe("start"), zone, problems));
        Optional<Instant> end = map.require("end").flatMap(node -> TimeSyntax.instant(node, map.describe("end"), zone, problems));
        if (start.isPresent() && end.isPresent() && !end.get().isAfter(start.get())) {
            YamlNode endNode = map.get("end").orElseThrow();
            problems.error(endNode.location(), map.what() + " ends before it starts: end " + endNode.scalarText().orElseThrow()
                    + " is not after start " + map.get("start").flatMap(YamlNode::scalarText).orElseThrow());
        }
        map.rejectUnknownFields();
        if (problems.errorCount() > errorsBefore) {
            return Optional.empty();
        }
        return Optional.of(new ScheduleOverride(user.orElseThrow(), start.orElseThrow(), end.orElseThrow()));
    }

    private void rejectOverlap(ScheduleOverride override, String label, SourceLocation where,
                               List<ScheduleOverride> earlier, List<SourceLocation> earlierLocations) {
        for (int i = 0; i < earlier.size(); i++) {
            if (earlier.get(i).overlaps(override)) {
                problems.error(where, label + " overlaps the override of " + earlier.get(i).user() + " at line "
                        + earlierLocations.get(i).line() + ": only one person can cover an instant");
                return;
            }
        }
    }
}
