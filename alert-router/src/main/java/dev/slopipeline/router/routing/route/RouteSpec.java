package dev.slopipeline.router.routing.route;

import dev.slopipeline.router.routing.matcher.Matchers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A route as written in the config, before defaults and inheritance: an empty option means "not
 * written here". {@link Route#tree(RouteSpec)} turns a tree of these into routes.
 *
 * @param matchers all of {@code match}, {@code match_re} and {@code matchers}, combined
 */
public record RouteSpec(
        Optional<String> receiver,
        Optional<GroupBy> groupBy,
        Matchers matchers,
        boolean continueMatching,
        Optional<Duration> groupWait,
        Optional<Duration> groupInterval,
        Optional<Duration> repeatInterval,
        List<String> muteTimeIntervals,
        List<String> activeTimeIntervals,
        List<RouteSpec> routes) {

    public RouteSpec {
        muteTimeIntervals = List.copyOf(muteTimeIntervals);
        activeTimeIntervals = List.copyOf(activeTimeIntervals);
        routes = List.copyOf(routes);
    }

    /** This route with {@code first} put before its child routes, so that it is tried first. */
    public RouteSpec withFirstRoute(RouteSpec first) {
        List<RouteSpec> children = new ArrayList<>();
        children.add(first);
        children.addAll(routes);
        return new RouteSpec(receiver, groupBy, matchers, continueMatching, groupWait, groupInterval, repeatInterval,
                muteTimeIntervals, activeTimeIntervals, children);
    }
}
