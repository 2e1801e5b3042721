package dev.slopipeline.router.topology;

import dev.slopipeline.definitions.alert.Alert;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The topics of the router topology.
 *
 * @param alerts           SLO alert transitions in, keyed by SLO
 * @param commands         silence commands in, keyed by silence id
 * @param silences         compacted: the current state of every silence, keyed by silence id; written by this
 *                         topology and read back by every instance as a global store
 * @param notifications    notification intents out, keyed by idempotency key
 * @param deadLetters      records of {@code alerts} and {@code commands} that could not be used, with the reason in a
 *                         header
 * @param incidentCommands acknowledgements and resolutions in, keyed by the incident's SLO
 * @param incidents        compacted: every incident with its timeline, keyed by incident id; written by this topology
 *                         and read back by every instance as a global store
 * @param groups           internal: each alert once per route it matches, keyed by that route's group key, so that
 *                         one task of the cluster holds every alert of a group
 * @param pages            internal: the notifications that reach a paging receiver, once per SLO they page for, keyed
 *                         by SLO; as many partitions as {@code incidentCommands}, so one task owns an SLO's incidents
 * @param activeAlerts     internal, compacted: every firing alert, keyed by fingerprint (a tombstone once it
 *                         resolves), read back by every instance so that inhibition sees the whole cluster's alerts
 * @param postedAlerts     alerts posted to Alertmanager's {@code POST /api/v2/alerts} (by Prometheus, amtool), keyed
 *                         by fingerprint; as many partitions as {@code alerts}, whose routing task they share
 */
public record RouterTopics(String alerts, String commands, String silences, String notifications, String deadLetters,
                           String incidentCommands, String incidents, String groups, String pages,
                           String activeAlerts, String postedAlerts) {

    public static final RouterTopics DEFAULT = new RouterTopics(Alert.DEFAULT_TOPIC, "router.commands", "router.silences",
            "router.notifications", "router.dlq", "router.incident-commands", "router.incidents", "router.groups",
            "router.pages", "router.active-alerts", "router.posted-alerts");

    public RouterTopics {
        List<String> all = Arrays.asList(alerts, commands, silences, notifications, deadLetters,
                incidentCommands, incidents, groups, pages, activeAlerts, postedAlerts);
        all.forEach(topic -> {
            Objects.requireNonNull(topic, "topic");
            if (topic.isBlank()) {
                throw new IllegalArgumentException("topic names must not be blank");
            }
        });
        if (all.stream().distinct().count() != all.size()) {
            throw new IllegalArgumentException("the router's " + all.size() + " topics must have different names: alerts "
                    + alerts + ", commands " + commands + ", silences " + silences + ", notifications " + notifications
                    + ", dead letters " + deadLetters + ", incident commands " + incidentCommands + ", incidents "
                    + incidents + ", groups " + groups + ", pages " + pages + ", active alerts " + activeAlerts
                    + ", posted alerts " + postedAlerts);
        }
    }

    /** Every topic, in the order of the components. */
    public List<String> all() {
        return List.of(alerts, commands, silences, notifications, deadLetters, incidentCommands, incidents, groups, pages,
                activeAlerts, postedAlerts);
    }

    /** The default names with a suffix, so that tests and side-by-side deployments do not share topics. */
    public static RouterTopics withSuffix(String suffix) {
        return new RouterTopics(DEFAULT.alerts + suffix, DEFAULT.commands + suffix, DEFAULT.silences + suffix,
                DEFAULT.notifications + suffix, DEFAULT.deadLetters + suffix, DEFAULT.incidentCommands + suffix,
                DEFAULT.incidents + suffix, DEFAULT.groups + suffix, DEFAULT.pages + suffix,
                DEFAULT.activeAlerts + suffix, DEFAULT.postedAlerts + suffix);
    }
}
