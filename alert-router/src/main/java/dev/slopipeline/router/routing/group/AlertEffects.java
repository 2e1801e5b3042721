package dev.slopipeline.router.routing.group;

import dev.slopipeline.router.notification.AlertStore;
import dev.slopipeline.router.notification.Fingerprint;
import java.util.List;

/**
 * What taking in one alert did.
 *
 * @param admission     whether the alert was new, an update, or a stale transition that changed nothing
 * @param groups        the keys of the groups it is in, in route order; empty when stale
 * @param createdGroups those of them it opened
 */
public record AlertEffects(Fingerprint fingerprint,
                           AlertStore.Admission admission,
                           List<String> groups,
                           List<String> createdGroups) {

    public AlertEffects {
        groups = List.copyOf(groups);
        createdGroups = List.copyOf(createdGroups);
    }
}
