package dev.slopipeline.router.routing.timeinterval;

import dev.slopipeline.router.routing.route.RouteOptions;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * When a route may notify: never while one of its {@code mute_time_intervals} is in effect, and, if it names
 * {@code active_time_intervals}, only while one of those is. Instants are read in each period's own location.
 */
public final class RouteTimes {

    private final Map<String, TimeInterval> byName;

    private RouteTimes(Map<String, TimeInterval> byName) {
        this.byName = byName;
    }

    public static RouteTimes of(List<TimeInterval> intervals) {
        Map<String, TimeInterval> byName = new LinkedHashMap<>();
        intervals.forEach(interval -> byName.put(interval.name(), interval));
        return new RouteTimes(Map.copyOf(byName));
    }

    /**
     * @throws IllegalArgumentException if the route names an interval that is not defined; a loaded config never
     *         does, so this means the route and the intervals come from different configs
     */
    public boolean mutes(RouteOptions route, Instant now) {
        boolean inMuteTime = anyContains(route.muteTimeIntervals(), now);
        boolean outsideActiveTime = !route.activeTimeIntervals().isEmpty() && !anyContains(route.activeTimeIntervals(), now);
        return inMuteTime || outsideActiveTime;
    }

    private boolean anyContains(List<String> names, Instant now) {
        for (String name : names) {
            TimeInterval interval = byName.get(name);
            if (interval == null) {
                throw new IllegalArgumentException("time interval \"" + name + "\" is not defined (defined: "
                        + byName.keySet().stream().sorted().toList() + ")");
            }
            if (TimeIntervals.contains(interval, now)) {
                return true;
            }
        }
        return false;
    }
}
