package dev.slopipeline.router.routing.route;

import dev.slopipeline.kit.yaml.Located;
import dev.slopipeline.kit.yaml.Problems;
import dev.slopipeline.kit.yaml.Suggestions;
import dev.slopipeline.kit.yaml.YamlFields;
import dev.slopipeline.kit.yaml.YamlMap;
import dev.slopipeline.kit.yaml.YamlNode;
import dev.slopipeline.router.routing.matcher.MatcherReader;
import dev.slopipeline.router.routing.matcher.Matchers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the {@code route} tree, checking each route as Alertmanager does and also that every
 * receiver and time interval it names is defined.
 */
public final class RouteReader {

    private static final String ALL_LABELS = "...";

    private final Problems problems;
    private final List<String> receivers;
    private final List<String> timeIntervals;

    /**
     * @param receivers     every receiver name the config declares, read before the routes by the delivery room
     * @param timeIntervals every time interval name the config declares
     */
    public RouteReader(Problems problems, List<String> receivers, List<String> timeIntervals) {
        this.problems = problems;
        this.receivers = receivers;
        this.timeIntervals = timeIntervals;
    }

    public RouteSpec readRoot(YamlMap root) {
        RouteSpec spec = read(root);
        if (spec.receiver().isEmpty()) {
            problems.error(root.location(), "the root route must name a default receiver (receiver: <name>): "
                    + "alerts that no child route catches go there");
        }
        // Empty lists and maps are allowed, as in Alertmanager: only conditions that exclude alerts are refused.
        if (!spec.matchers().all().isEmpty()) {
            String field = List.of("match", "match_re", "matchers").stream().filter(root::has).findFirst().orElseThrow();
            problems.error(root.keyLocation(field), "the root route must not have \"" + field
                    + "\": every alert enters the tree there; put the condition on a child route under \"routes\"");
        }
        if (spec.continueMatching()) {
            problems.error(root.keyLocation("continue"), "the root route cannot have \"continue: true\": it has no siblings");
        }
        for (String field : List.of("mute_time_intervals", "active_time_intervals")) {
            List<String> intervals = field.startsWith("mute") ? spec.muteTimeIntervals() : spec.activeTimeIntervals();
            if (!intervals.isEmpty()) {
                problems.error(root.keyLocation(field), "the root route must not have \"" + field
                        + "\"; put it on the child routes that should be muted or active at those times");
            }
        }
        return spec;
    }

    private RouteSpec read(YamlMap map) {
        Optional<String> receiver = receiver(map);
        Optional<GroupBy> groupBy = groupBy(map);
        Matchers matchers = MatcherReader.read(map, "match", "match_re", "matchers");
        boolean continueMatching = YamlFields.flag(map, "continue", false);
        Optional<Duration> groupWait = YamlFields.duration(map, "group_wait");
        Optional<Duration> groupInterval = nonZero(map, "group_interval", "the time between notifications about a changed group");
        Optional<Duration> repeatInterval = nonZero(map, "repeat_interval", "the time before an unchanged group is notified again");
        List<String> mute = intervals(map, "mute_time_intervals");
        List<String> active = intervals(map, "active_time_intervals");
        List<RouteSpec> children = children(map);
        map.rejectUnknownFields();
        return new RouteSpec(receiver, groupBy, matchers, continueMatching, groupWait, groupInterval, repeatInterval,
                mute, active, children);
    }

    private Optional<String> receiver(YamlMap map) {
        Optional<String> receiver = map.string("receiver").filter(name -> !name.isEmpty());
        receiver.filter(name -> !receivers.contains(name)).ifPresent(name -> problems.error(
                map.get("receiver").orElseThrow().location(),
                "unknown receiver \"" + name + "\" in " + map.what() + Suggestions.knownNames(name, receivers, "receivers")));
        return receiver;
    }

    private Optional<GroupBy> groupBy(YamlMap map) {
        if (!map.has("group_by")) {
            return Optional.empty();
        }
        List<Located<String>> entries = YamlFields.texts(map, "group_by");
        if (entries.isEmpty()) {
            problems.warning(map.keyLocation("group_by"), "\"group_by: []\" in " + map.what()
                    + " does not clear grouping: as in Alertmanager, the route keeps its parent's group_by");
            return Optional.empty();
        }
        boolean all = entries.stream().anyMatch(e -> e.value().equals(ALL_LABELS));
        if (all) {
            if (entries.size() > 1) {
                problems.error(map.keyLocation("group_by"), "\"...\" (group by every label) must be the only entry of "
                        + map.describe("group_by") + "; remove the other labels or the \"...\"");
            }
            return Optional.of(GroupBy.allLabels());
        }
        List<String> names = new ArrayList<>();
        for (Located<String> entry : entries) {
            if (entry.value().isEmpty()) {
                problems.error(entry.location(), "empty label name in " + map.describe("group_by"));
            } else if (names.contains(entry.value())) {
                problems.error(entry.location(), "label \"" + entry.value() + "\" appears twice in " + map.describe("group_by"));
            } else {
                names.add(entry.value());
            }
        }
        return Optional.of(GroupBy.labels(names));
    }

    private Optional<Duration> nonZero(YamlMap map, String field, String meaning) {
        Optional<Duration> duration = YamlFields.duration(map, field);
        if (duration.filter(Duration::isZero).isPresent()) {
            problems.error(map.get(field).orElseThrow().location(), map.describe(field) + " cannot be zero: it is "
                    + meaning + "; write e.g. 5m or 4h");
            return Optional.empty();
        }
        return duration;
    }

    private List<String> intervals(YamlMap map, String field) {
        List<String> names = new ArrayList<>();
        for (Located<String> name : YamlFields.texts(map, field)) {
            if (!timeIntervals.contains(name.value())) {
                problems.error(name.location(), "unknown time interval \"" + name.value() + "\" in " + map.describe(field)
                        + Suggestions.knownNames(name.value(), timeIntervals, "time intervals"));
            }
            names.add(name.value());
        }
        return names;
    }

    private List<RouteSpec> children(YamlMap map) {
        List<RouteSpec> children = new ArrayList<>();
        List<YamlNode> nodes = map.get("routes").flatMap(node -> node.asList(problems, map.describe("routes"))).orElse(List.of());
        for (int i = 0; i < nodes.size(); i++) {
            nodes.get(i).asMap(problems, map.what() + ".routes[" + i + "]").map(this::read).ifPresent(children::add);
        }
        return children;
    }
}
