package dev.slopipeline.router.routing.group;

import dev.slopipeline.router.notification.LabelledAlert;
import dev.slopipeline.router.routing.silence.Silences;
import java.util.List;

/**
 * Leaves out the alerts an active silence matches.
 *
 * @param silences read at each flush, so silences created or expired between flushes take effect at the next one
 */
public record SilenceStage(Silences silences) implements Stage {

    @Override
    public List<LabelledAlert> apply(FlushContext context, List<LabelledAlert> alerts) {
        return alerts.stream().filter(alert -> !silences.isSilenced(alert.labels(), context.now())).toList();
    }
}
