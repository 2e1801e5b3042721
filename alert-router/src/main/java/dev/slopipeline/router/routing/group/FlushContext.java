package dev.slopipeline.router.routing.group;

import dev.slopipeline.router.notification.LabelledAlert;
import dev.slopipeline.router.routing.route.RouteOptions;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the stages of one flush may consult besides the alerts themselves.
 *
 * @param route         the options of the group's route (repeat interval, mute and active time intervals)
 * @param lastNotified  what this receiver was last told about this group, if the log remembers
 * @param knownAlerts   every alert the router knows (firing or not), which inhibition looks through for sources
 */
public record FlushContext(String groupKey,
                           Map<String, String> groupLabels,
                           ReceiverPolicy receiver,
                           RouteOptions route,
                           Instant now,
                           Optional<LogEntry> lastNotified,
                           List<LabelledAlert> knownAlerts) {

    public FlushContext {
        groupLabels = Map.copyOf(groupLabels);
        knownAlerts = List.copyOf(knownAlerts);
    }
}
