package dev.slopipeline.router.routing.group;

import dev.slopipeline.router.notification.LabelledAlert;
import dev.slopipeline.router.routing.timeinterval.RouteTimes;
import java.util.List;

/** Holds back the whole group while its route is in a mute time interval or outside its active ones. */
public record TimeMuteStage(RouteTimes times) implements Stage {

    @Override
    public List<LabelledAlert> apply(FlushContext context, List<LabelledAlert> alerts) {
        return times.mutes(context.route(), context.now()) ? List.of() : alerts;
    }
}
