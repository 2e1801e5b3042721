package dev.slopipeline.router.config;

import dev.slopipeline.definitions.alert.AlertLabels;
import dev.slopipeline.router.oncall.heartbeat.HeartbeatConfig;
import dev.slopipeline.router.oncall.heartbeat.SilentPipelineAlert;
import dev.slopipeline.router.routing.matcher.MatchType;
import dev.slopipeline.router.routing.matcher.Matcher;
import dev.slopipeline.router.routing.matcher.Matchers;
import dev.slopipeline.router.routing.route.RouteSpec;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The route that takes the silent-pipeline page to the heartbeat's receiver, when the {@code heartbeat} section names
 * one. It is put first in the tree and the page still goes through grouping, inhibition and silences, like any alert.
 * It is built here because it joins two rooms: on-call says which page and where, routing how it is routed.
 */
final class SilentPipelineRoute {

    private SilentPipelineRoute() {
    }

    /** @param heartbeat the {@code heartbeat} section, if the config has one */
    static RouteSpec into(RouteSpec root, Optional<HeartbeatConfig> heartbeat) {
        return heartbeat.flatMap(HeartbeatConfig::receiver)
                .map(receiver -> root.withFirstRoute(to(receiver)))
                .orElse(root);
    }

    /** Catches the page alone, with no group wait: the watch already waited {@code silent_after} before raising it. */
    private static RouteSpec to(String receiver) {
        Matchers silentPipeline = Matchers.of(List.of(
                Matcher.of(MatchType.EQUAL, AlertLabels.ALERTNAME, SilentPipelineAlert.ALERTNAME)));
        return new RouteSpec(Optional.of(receiver), Optional.empty(), silentPipeline, false,
                Optional.of(Duration.ZERO), Optional.empty(), Optional.empty(), List.of(), List.of(), List.of());
    }
}
