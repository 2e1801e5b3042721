package dev.slopipeline.demo;

import dev.slopipeline.definitions.model.DurationSyntax;
import dev.slopipeline.kit.yaml.Problem;
import dev.slopipeline.kit.yaml.Problems;
import dev.slopipeline.kit.yaml.SourceLocation;
import dev.slopipeline.kit.yaml.YamlDocuments;
import dev.slopipeline.kit.yaml.YamlMap;
import dev.slopipeline.kit.yaml.YamlNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads a demo {@link Scenario} from YAML, reporting every mistake at once as {@code file:line:col: message}.
 */
public final class ScenarioReader {

    private static final Pattern TIME_OF_DAY = Pattern.compile("([01][0-9]|2[0-3]):[0-5][0-9]");

    private final Problems problems = new Problems();

    private ScenarioReader() {
    }

    /** @throws IllegalArgumentException with every problem, one a line */
    public static Scenario read(Path file) {
        ScenarioReader reader = new ScenarioReader();
        return reader.scenario(YamlDocuments.read(file, file.toString(), reader.problems), file.toString());
    }

    /** @throws IllegalArgumentException with every problem, one a line */
    public static Scenario parse(String displayName, String yaml) {
        ScenarioReader reader = new ScenarioReader();
        return reader.scenario(YamlDocuments.read(displayName, yaml, reader.problems), displayName);
    }

    private Scenario scenario(List<YamlNode> documents, String file) {
        Optional<YamlMap> top = documents.isEmpty() ? Optional.empty() : documents.get(0).asMap(problems, "the scenario");
        if (documents.isEmpty() && !problems.hasErrors()) {
            problems.error(new SourceLocation(file, 1, 1),
                    "the scenario is empty: it needs \"traffic\" and \"phases\"");
        }
        Scenario scenario = top.map(this::scenario).orElse(null);
        List<Problem> errors = problems.sorted().stream().filter(Problem::isError).toList();
        if (!errors.isEmpty() || scenario == null) {
            throw new IllegalArgumentException(errors.stream().map(Problem::toString).collect(Collectors.joining("\n")));
        }
        return scenario;
    }

    private Scenario scenario(YamlMap top) {
        String name = top.string("name").orElse("scenario");
        OptionalDouble speed = number(top, "speed", 1, 100_000);
        Duration history = duration(top, "history").orElse(Duration.ZERO);
        LocalTime timeOfDay = timeOfDay(top).orElse(Scenario.DEFAULT_TIME_OF_DAY);
        List<Scenario.RequestStream> requests = new ArrayList<>();
        List<Scenario.HealthStream> health = new ArrayList<>();
        top.require("traffic").flatMap(node -> node.asMap(problems, "\"traffic\"")).ifPresent(traffic -> {
            requests.addAll(list(traffic, "requests", this::requestStream));
            health.addAll(list(traffic, "health", this::healthStream));
            traffic.rejectUnknownFields();
        });
        List<Scenario.Phase> phases = top.require("phases").isPresent() ? list(top, "phases", this::phase) : List.of();
        top.rejectUnknownFields();
        return new Scenario(name, speed, history, timeOfDay, requests, health, phases);
    }

    private Optional<LocalTime> timeOfDay(YamlMap top) {
        Optional<String> text = top.string("timeOfDay");
        if (text.isEmpty()) {
            return Optional.empty();
        }
        if (!TIME_OF_DAY.matcher(text.get()).matches()) {
            problems.error(top.keyLocation("timeOfDay"), top.describe("timeOfDay")
                    + " must be a time of day as HH:MM, 00:00..23:59, e.g. timeOfDay: \"13:00\"; got " + text.get());
            return Optional.empty();
        }
        return Optional.of(LocalTime.parse(text.get()));
    }

    private Optional<Scenario.RequestStream> requestStream(YamlMap map) {
        Optional<String> service = map.requireString("service");
        Optional<String> operation = map.requireString("operation");
        OptionalDouble perMinute = number(map, "perMinute", 0, 1e7);
        if (!map.has("perMinute")) {
            map.require("perMinute", "requests per minute at the busiest hour, e.g. perMinute: 600");
        }
        long status = map.get("status").flatMap(node -> {
            var value = node.asInteger(problems, map.describe("status"));
            return value.isPresent() ? Optional.of(value.getAsLong()) : Optional.empty();
        }).orElse(200L);
        if (status < 100 || status > 599) {
            problems.error(map.keyLocation("status"), map.describe("status") + " must be an HTTP status, 100..599, got " + status);
        }
        double latency = number(map, "latencyMs", 0, 600_000).orElse(100);
        double errorRate = number(map, "errorRate", 0, 1).orElse(0);
        double slowRate = number(map, "slowRate", 0, 1).orElse(0);
        var attributes = map.stringMap("attributes");
        map.rejectUnknownFields();
        if (service.isEmpty() || operation.isEmpty() || perMinute.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Scenario.RequestStream(service.get(), operation.get(), perMinute.getAsDouble(), (int) status,
                latency, errorRate, slowRate, attributes));
    }

    private Optional<Scenario.HealthStream> healthStream(YamlMap map) {
        Optional<String> service = map.requireString("service");
        Optional<String> check = map.requireString("check");
        Optional<String> target = map.string("target");
        Duration every = duration(map, "every").orElse(Duration.ofMinutes(1));
        if (every.isZero()) {
            problems.error(map.keyLocation("every"), map.describe("every") + " must be at least 1m");
        }
        double latency = number(map, "latencyMs", 0, 600_000).orElse(50);
        map.rejectUnknownFields();
        if (service.isEmpty() || check.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Scenario.HealthStream(service.get(), check.get(), target, every, latency));
    }

    private Optional<Scenario.Phase> phase(YamlMap map) {
        String name = map.requireString("name").orElse("");
        if (!map.has("duration")) {
            map.require("duration", "how long the phase lasts in simulated time, e.g. duration: 20m");
        }
        Optional<Duration> duration = duration(map, "duration");
        double traffic = number(map, "traffic", 0, 1000).orElse(1);
        List<Scenario.RequestChange> requests = list(map, "requests", this::requestChange);
        List<Scenario.HealthChange> health = list(map, "health", this::healthChange);
        map.rejectUnknownFields();
        if (duration.isPresent() && duration.get().isZero()) {
            problems.error(map.keyLocation("duration"), map.describe("duration") + " must be at least 1m");
        }
        return duration.map(length -> new Scenario.Phase(name, length, traffic, requests, health));
    }

    private Optional<Scenario.RequestChange> requestChange(YamlMap map) {
        Optional<String> service = map.requireString("service");
        Optional<String> operation = map.string("operation");
        OptionalDouble errorRate = number(map, "errorRate", 0, 1);
        OptionalDouble slowRate = number(map, "slowRate", 0, 1);
        map.rejectUnknownFields();
        return service.map(name -> new Scenario.RequestChange(name, operation, errorRate, slowRate));
    }

    private Optional<Scenario.HealthChange> healthChange(YamlMap map) {
        Optional<String> service = map.requireString("service");
        Optional<String> check = map.string("check");
        Optional<Scenario.HealthMode> mode = map.require("status", "one of pass, warn, fail, flap")
                .flatMap(node -> node.asString(problems, map.describe("status")))
                .flatMap(text -> {
                    try {
                        return Optional.of(Scenario.HealthMode.valueOf(text.toUpperCase(Locale.ROOT)));
                    } catch (IllegalArgumentException e) {
                        problems.error(map.keyLocation("status"), map.describe("status")
                                + " must be pass, warn, fail or flap (fail and pass by turns), got \"" + text + "\"");
                        return Optional.empty();
                    }
                });
        map.rejectUnknownFields();
        return service.flatMap(name -> mode.map(m -> new Scenario.HealthChange(name, check, m)));
    }

    private <T> List<T> list(YamlMap parent, String field, Function<YamlMap, Optional<T>> item) {
        List<T> items = new ArrayList<>();
        parent.get(field).flatMap(node -> node.asList(problems, parent.describe(field))).ifPresent(nodes -> {
            for (int i = 0; i < nodes.size(); i++) {
                nodes.get(i).asMap(problems, "entry " + (i + 1) + " of " + parent.describe(field))
                        .flatMap(item).ifPresent(items::add);
            }
        });
        return items;
    }

    private OptionalDouble number(YamlMap map, String field, double min, double max) {
        Optional<YamlNode> node = map.get(field);
        if (node.isEmpty()) {
            return OptionalDouble.empty();
        }
        OptionalDouble value = node.get().asNumber(problems, map.describe(field));
        if (value.isPresent() && (value.getAsDouble() < min || value.getAsDouble() > max)) {
            problems.error(node.get().location(), map.describe(field) + " must be within " + format(min) + ".." + format(max)
                    + ", got " + format(value.getAsDouble()));
            return OptionalDouble.empty();
        }
        return value;
    }

    private Optional<Duration> duration(YamlMap map, String field) {
        Optional<YamlNode> node = map.get(field);
        Optional<String> text = node.flatMap(n -> n.asText(problems, map.describe(field)));
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(DurationSyntax.parse(text.get()));
        } catch (IllegalArgumentException e) {
            problems.error(node.get().location(), map.describe(field) + ": " + e.getMessage());
            return Optional.empty();
        }
    }

    private static String format(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }
}
