package dev.slopipeline.router.topology;

import java.util.Objects;
import java.util.stream.Stream;

/**
 * The topics of the router topology.
 *
 * @param alerts        SLO alert transitions in, keyed by SLO
 * @param commands      silence commands in, keyed by silence id
 * @param silences      compacted: the current state of every silence, keyed by silence id; written by this
 *                      topology and read back by every instance as a global store
 * @param notifications notification intents out, keyed by idempotency key
 * @param deadLetters   records of {@code alerts} and {@code commands} that could not be used, with the reason in a
 *                      header
 * @param incidentCommands acknowledgements and resolutions in, keyed by the incident's SLO (as {@code alerts})
 * @param incidents     compacted: every incident with its timeline, keyed by incident id; written by this topology
 *                      and read back by every instance as a global store
 */
public record RouterTopics(String alerts, String commands, String silences, String notifications, String deadLetters,
                           String incidentCommands, String incidents) {

    public static final RouterTopics DEFAULT = new RouterTopics("slo.alerts", "router.commands", "router.silences",
            "router.notifications", "router.dlq", "router.incident-commands", "router.incidents");

    public RouterTopics {
        Stream.of(alerts, commands, silences, notifications, deadLetters, incidentCommands, incidents).forEach(topic -> {
            Objects.requireNonNull(topic, "topic");
            if (topic.isBlank()) {
                throw new IllegalArgumentException("topic names must not be blank");
            }
        });
        if (Stream.of(alerts, commands, silences, notifications, deadLetters, incidentCommands, incidents).distinct()
                .count() != 7) {
            throw new IllegalArgumentException("the router's seven topics must have seven different names: alerts "
                    + alerts + ", commands " + commands + ", silences " + silences + ", notifications " + notifications
                    + ", dead letters " + deadLetters + ", incident commands " + incidentCommands + ", incidents "
                    + incidents);
        }
    }

    /** The default names with a suffix, so that tests and side-by-side deployments do not share topics. */
    public static RouterTopics withSuffix(String suffix) {
        return new RouterTopics(DEFAULT.alerts + suffix, DEFAULT.commands + suffix, DEFAULT.silences + suffix,
                DEFAULT.notifications + suffix, DEFAULT.deadLetters + suffix, DEFAULT.incidentCommands + suffix,
                DEFAULT.incidents + suffix);
    }
}
