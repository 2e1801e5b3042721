package dev.slopipeline.router.routing.routetest;

import dev.slopipeline.router.routing.route.Route;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What {@code amtool config routes test} answers: the receivers an alert with the given labels is
 * routed to, in tree order, joined by commas without spaces. Every alert reaches at least the root
 * route, so the answer is never empty; a receiver reached by two routes appears twice.
 */
public final class RouteTester {

    private RouteTester() {
    }

    /** The line amtool prints, without its line break, e.g. {@code team-pager,audit-log}. */
    public static String receivers(Route tree, Map<String, String> labels) {
        return tree.match(labels).stream().map(Route::receiver).collect(Collectors.joining(","));
    }
}
