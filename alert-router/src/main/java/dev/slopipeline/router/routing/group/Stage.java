package dev.slopipeline.router.routing.group;

import dev.slopipeline.router.notification.LabelledAlert;
import java.util.List;

/** One step of the notification decision at a flush, as in Alertmanager's notification pipeline. */
@FunctionalInterface
public interface Stage {

    /** The alerts this stage lets through, in the order given; an empty list ends the flush without a notification. */
    List<LabelledAlert> apply(FlushContext context, List<LabelledAlert> alerts);
}
