package dev.slopipeline.router.config;

import dev.slopipeline.kit.yaml.Problems;
import dev.slopipeline.kit.yaml.SourceLocation;
import dev.slopipeline.kit.yaml.YamlDocuments;
import dev.slopipeline.kit.yaml.YamlFields;
import dev.slopipeline.kit.yaml.YamlMap;
import dev.slopipeline.kit.yaml.YamlNode;
import dev.slopipeline.router.delivery.ReceiverConfig;
import dev.slopipeline.router.delivery.ReceiverReader;
import dev.slopipeline.router.delivery.RetryPolicy;
import dev.slopipeline.router.delivery.RetryPolicyReader;
import dev.slopipeline.router.oncall.escalation.PagingConfig;
import dev.slopipeline.router.routing.inhibit.InhibitRule;
import dev.slopipeline.router.routing.inhibit.InhibitRuleReader;
import dev.slopipeline.router.routing.route.Route;
import dev.slopipeline.router.routing.route.RouteReader;
import dev.slopipeline.router.routing.route.RouteSpec;
import dev.slopipeline.router.routing.timeinterval.TimeInterval;
import dev.slopipeline.router.routing.timeinterval.TimeIntervalReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads an Alertmanager-style router config (global, route, receivers, inhibit_rules, time_intervals) from YAML,
 * with our own sections (users, schedules, escalation_policies, paging, heartbeat, delivery) from the on-call file
 * beside it, or, deprecated, from the same file ({@link OnCallSections}); checks it as Alertmanager does, and builds
 * the routing tree. Every problem is reported with its {@code file:line:col}, all at once.
 */
public final class RouterConfigLoader {

    private RouterConfigLoader() {
    }

    /** A router file that holds the on-call sections itself, if any. */
    public static LoadedConfig load(Path file) {
        return load(file, Optional.empty());
    }

    /** @param onCallFile the file of the on-call sections, if they are kept apart */
    public static LoadedConfig load(Path file, Optional<Path> onCallFile) {
        Problems problems = new Problems();
        Documents router = Documents.read(file, problems);
        return read(router, onCallFile.map(path -> Documents.read(path, problems)), problems);
    }

    /** @param displayName how messages name the file, e.g. its path as the user typed it */
    public static LoadedConfig parse(String displayName, String yaml) {
        Problems problems = new Problems();
        return read(Documents.parse(displayName, yaml, problems), Optional.empty(), problems);
    }

    /** As {@link #parse(String, String)}, with the on-call sections in a text of their own. */
    public static LoadedConfig parse(String displayName, String yaml, String onCallName, String onCallYaml) {
        Problems problems = new Problems();
        Documents router = Documents.parse(displayName, yaml, problems);
        return read(router, Optional.of(Documents.parse(onCallName, onCallYaml, problems)), problems);
    }

    /** The documents of one file, and how messages name it. */
    private record Documents(String file, List<YamlNode> nodes) {

        static Documents read(Path path, Problems problems) {
            return new Documents(path.toString(), YamlDocuments.read(path, path.toString(), problems));
        }

        static Documents parse(String displayName, String yaml, Problems problems) {
            return new Documents(displayName, YamlDocuments.read(displayName, yaml, problems));
        }

        /** The one document's map; an empty file is an empty map (an on-call file with nobody to page yet). */
        Optional<YamlMap> single(String noun, Problems problems) {
            for (YamlNode extra : nodes.subList(Math.min(1, nodes.size()), nodes.size())) {
                problems.error(extra.location(), "a " + noun + " is a single YAML document; remove this \"---\" document");
            }
            YamlNode first = nodes.isEmpty() ? YamlDocuments.read(file, "{}", problems).get(0) : nodes.get(0);
            return first.asMap(problems, "the " + noun);
        }
    }

    private static LoadedConfig read(Documents router, Optional<Documents> onCallFile, Problems problems) {
        if (router.nodes().isEmpty()) {
            if (!problems.hasErrors()) {
                problems.error(new SourceLocation(router.file(), 1, 1), "the router config is empty: it needs a "
                        + "\"route\" with a default receiver and the \"receivers\" it names");
            }
            return new LoadedConfig(Optional.empty(), problems.sorted());
        }
        Optional<YamlMap> top = router.single("router config", problems);
        Optional<Optional<YamlMap>> onCall = onCallFile.map(file -> file.single("on-call config", problems));
        if (onCall.isPresent() && onCall.get().isEmpty()) {
            return new LoadedConfig(Optional.empty(), problems.sorted());
        }
        Optional<RouterConfig> config = top.flatMap(map -> config(map, onCall.flatMap(given -> given), problems));
        return new LoadedConfig(problems.hasErrors() ? Optional.empty() : config, problems.sorted());
    }

    private static Optional<RouterConfig> config(YamlMap top, Optional<YamlMap> onCallFile, Problems problems) {
        GlobalConfig global = top.get("global")
                .flatMap(node -> node.asMap(problems, "global"))
                .map(GlobalReader::read)
                .orElse(GlobalConfig.DEFAULTS);

        ReceiverReader receiverReader = new ReceiverReader(problems, global.slackApiUrl(), global.pagerdutyUrl());
        List<ReceiverConfig> receivers = receiverReader.read(list(top, "receivers"));

        TimeIntervalReader intervalReader = new TimeIntervalReader(problems);
        List<TimeInterval> intervals = new ArrayList<>(intervalReader.read(list(top, "mute_time_intervals"), "mute_time_intervals"));
        intervals.addAll(intervalReader.read(list(top, "time_intervals"), "time_intervals"));

        if (!top.has("route")) {
            problems.error(top.location(), "the router config has no \"route\": add the root of the routing tree "
                    + "with the receiver for alerts no other route catches, e.g. route: {receiver: <name>}");
        }
        Optional<RouteSpec> root = top.get("route")
                .flatMap(node -> node.asMap(problems, "route"))
                .map(new RouteReader(problems, receiverReader.names(), intervalReader.names())::readRoot);

        List<InhibitRule> inhibitRules = InhibitRuleReader.read(list(top, "inhibit_rules"), problems);
        YamlMap onCall = OnCallSections.root(top, onCallFile, problems);
        PagingConfig paging = PagingConfig.read(onCall, problems,
                receivers.stream().map(ReceiverConfig::name).collect(java.util.stream.Collectors.toSet()));

        RetryPolicy retryPolicy = onCall.get("delivery")
                .flatMap(node -> node.asMap(problems, "delivery"))
                .map(RetryPolicyReader::read)
                .orElse(RetryPolicy.DEFAULT);

        YamlFields.ignore(top, "templates");
        top.rejectUnknownFields();
        onCallFile.ifPresent(YamlMap::rejectUnknownFields);
        if (problems.hasErrors()) {
            return Optional.empty();
        }
        return root.map(spec -> SilentPipelineRoute.into(spec, paging.heartbeat()))
                .map(spec -> new RouterConfig(global, Route.tree(spec), receivers, inhibitRules, intervals,
                paging, retryPolicy));
    }

    private static List<YamlNode> list(YamlMap top, String field) {
        return top.get(field).flatMap(node -> node.asList(top.problems(), top.describe(field))).orElse(List.of());
    }
}
