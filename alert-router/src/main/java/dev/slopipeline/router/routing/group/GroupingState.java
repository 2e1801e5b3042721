package dev.slopipeline.router.routing.group;

import dev.slopipeline.router.notification.LabelledAlert;
import java.util.List;

/**
 * Everything a {@link GroupingEngine} remembers, to be saved with the output it produced and handed back after a
 * restart: the known alerts, the open groups with their timers, and the notification log.
 */
public record GroupingState(List<LabelledAlert> alerts, List<AggregationGroup> groups, List<LogEntry> log) {

    public GroupingState {
        alerts = List.copyOf(alerts);
        groups = List.copyOf(groups);
        log = List.copyOf(log);
    }
}
