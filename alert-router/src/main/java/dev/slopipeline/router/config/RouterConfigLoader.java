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
 * Reads an Alertmanager-style router config (global, route, receivers, inhibit_rules,
 * time_intervals, plus our users, schedules, escalation_policies and delivery section) from YAML,
 * checks it as Alertmanager does, and builds the routing tree. Every problem is reported with its
 * {@code file:line:col}, all at once.
 */
public final class RouterConfigLoader {

    private RouterConfigLoader() {
    }

    public static LoadedConfig load(Path file) {
        Problems problems = new Problems();
        return read(YamlDocuments.read(file, file.toString(), problems), file.toString(), problems);
    }

    /** @param displayName how messages name the file, e.g. its path as the user typed it */
    public static LoadedConfig parse(String displayName, String yaml) {
        Problems problems = new Problems();
        return read(YamlDocuments.read(displayName, yaml, problems), displayName, problems);
    }

    private static LoadedConfig read(List<YamlNode> documents, String file, Problems problems) {
        if (documents.isEmpty()) {
            if (!problems.hasErrors()) {
                problems.error(new SourceLocation(file, 1, 1), "the router config is empty: it needs a \"route\" "
                        + "with a default receiver and the \"receivers\" it names");
            }
            return new LoadedConfig(Optional.empty(), problems.sorted());
        }
        for (YamlNode extra : documents.subList(1, documents.size())) {
            problems.error(extra.location(), "a router config is a single YAML document; remove this \"---\" document");
        }
        Optional<RouterConfig> config = documents.get(0).asMap(problems, "the router config")
                .flatMap(top -> config(top, problems));
        return new LoadedConfig(problems.hasErrors() ? Optional.empty() : config, problems.sorted());
    }

    private static Optional<RouterConfig> config(YamlMap top, Problems problems) {
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
        PagingConfig paging = PagingConfig.read(top, problems,
                receivers.stream().map(ReceiverConfig::name).collect(java.util.stream.Collectors.toSet()));

        RetryPolicy retryPolicy = top.get("delivery")
                .flatMap(node -> node.asMap(problems, "delivery"))
                .map(RetryPolicyReader::read)
                .orElse(RetryPolicy.DEFAULT);

        YamlFields.ignore(top, "templates");
        top.rejectUnknownFields();
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
