package dev.slopipeline.router.routing.route;

import java.time.Duration;
import java.util.List;

/**
 * What happens to the alerts a route catches: who is notified, how they are grouped and how often.
 * Every route has all of them, inherited from its parent when not written on the route itself.
 *
 * @param muteTimeIntervals   names of time intervals during which the route sends nothing
 * @param activeTimeIntervals names of time intervals outside which the route sends nothing (empty: always active)
 */
public record RouteOptions(
        String receiver,
        GroupBy groupBy,
        Duration groupWait,
        Duration groupInterval,
        Duration repeatInterval,
        List<String> muteTimeIntervals,
        List<String> activeTimeIntervals) {

    /** Alertmanager's defaults, which the root route starts from. */
    public static final RouteOptions DEFAULTS = new RouteOptions("", GroupBy.labels(List.of()),
            Duration.ofSeconds(30), Duration.ofMinutes(5), Duration.ofHours(4), List.of(), List.of());

    public RouteOptions {
        muteTimeIntervals = List.copyOf(muteTimeIntervals);
        activeTimeIntervals = List.copyOf(activeTimeIntervals);
    }

    /**
     * The options of a child route: what the child writes, else what this route has. Mute and active
     * time intervals are the exception: as in Alertmanager, they are never inherited, so a route without
     * them is never muted by its parent's.
     */
    RouteOptions inheritedBy(RouteSpec child) {
        return new RouteOptions(
                child.receiver().orElse(receiver),
                child.groupBy().orElse(groupBy),
                child.groupWait().orElse(groupWait),
                child.groupInterval().orElse(groupInterval),
                child.repeatInterval().orElse(repeatInterval),
                child.muteTimeIntervals(),
                child.activeTimeIntervals());
    }
}
