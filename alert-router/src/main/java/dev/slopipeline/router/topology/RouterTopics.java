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
 */
public record RouterTopics(String alerts, String commands, String silences, String notifications, String deadLetters) {

    public static final RouterTopics DEFAULT = new RouterTopics("slo.alerts", "router.commands", "router.silences",
            "router.notifications", "router.dlq");

    public RouterTopics {
        Stream.of(alerts, commands, silences, notifications, deadLetters).forEach(topic -> {
            Objects.requireNonNull(topic, "topic");
            if (topic.isBlank()) {
                throw new IllegalArgumentException("topic names must not be blank");
            }
        });
        if (Stream.of(alerts, commands, silences, notifications, deadLetters).distinct().count() != 5) {
            throw new IllegalArgumentException("the router's five topics must have five different names: alerts "
                    + alerts + ", commands " + commands + ", silences " + silences + ", notifications " + notifications
                    + ", dead letters " + deadLetters);
        }
    }

    /** The default names with a suffix, so that tests and side-by-side deployments do not share topics. */
    public static RouterTopics withSuffix(String suffix) {
        return new RouterTopics(DEFAULT.alerts + suffix, DEFAULT.commands + suffix, DEFAULT.silences + suffix,
                DEFAULT.notifications + suffix, DEFAULT.deadLetters + suffix);
    }
}
