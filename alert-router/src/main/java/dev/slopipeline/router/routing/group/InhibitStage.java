package dev.slopipeline.router.routing.group;

import dev.slopipeline.router.notification.LabelledAlert;
import dev.slopipeline.router.routing.inhibit.Inhibitor;
import java.util.List;

/** Leaves out the alerts a firing alert inhibits. */
public record InhibitStage(Inhibitor inhibitor) implements Stage {

    @Override
    public List<LabelledAlert> apply(FlushContext context, List<LabelledAlert> alerts) {
        return alerts.stream()
                .filter(alert -> inhibitor.inhibitedBy(alert.labels(), context.knownAlerts()).isEmpty())
                .toList();
    }
}
