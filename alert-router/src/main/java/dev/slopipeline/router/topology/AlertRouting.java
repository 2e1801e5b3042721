package dev.slopipeline.router.topology;

import dev.slopipeline.router.notification.AlertJson;
import dev.slopipeline.router.notification.LabelledAlert;
import dev.slopipeline.router.routing.route.Route;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Set;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Where an alert's transition goes from the routing step, whichever source it came from (an SLO alert, the
 * silent-pipeline page, an alert posted to the API): once per distinct group key of the routes it matches to
 * {@code router.groups}, and to the compacted {@code router.active-alerts} (the alert while it fires, a tombstone
 * once it resolves).
 */
final class AlertRouting {

    private AlertRouting() {
    }

    static void route(ProcessorContext<byte[], byte[]> context, Route root, LabelledAlert alert) {
        long timestamp = context.currentSystemTimeMs();
        byte[] value = AlertJson.encode(alert);
        for (String groupKey : groupKeys(root, alert)) {
            context.forward(new Record<>(groupKey.getBytes(StandardCharsets.UTF_8), value, timestamp),
                    RouterTopology.GROUPS_SINK);
        }
        byte[] fingerprint = alert.fingerprint().toString().getBytes(StandardCharsets.UTF_8);
        context.forward(new Record<>(fingerprint, alert.resolved() ? null : value, timestamp),
                RouterTopology.ACTIVE_ALERTS_SINK);
    }

    /** The group keys of the routes an alert matches, in tree order, each once. */
    static Set<String> groupKeys(Route root, LabelledAlert alert) {
        Set<String> keys = new LinkedHashSet<>();
        for (Route route : root.match(alert.labels())) {
            keys.add(route.groupKey(alert.labels()));
        }
        return keys;
    }
}
