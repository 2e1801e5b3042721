package dev.slopipeline.router.oncall.incident;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Where the incident processor sits in the router topology.
 *
 * @param commandsTopic       the topic of acknowledgements and resolutions (records from it are commands)
 * @param notificationsSink   the sink node of notification intents
 * @param incidentsSink       the sink node of the compacted incidents topic
 * @param deadLetterSink      the sink node of refused commands
 * @param externalUrl         where people reach the router: the base of incident and acknowledge links
 * @param punctuationInterval how often, in wall-clock time, due escalation timers are looked for
 */
public record IncidentWiring(String commandsTopic, String notificationsSink, String incidentsSink,
                             String deadLetterSink, URI externalUrl, Duration punctuationInterval) {

    public IncidentWiring {
        Objects.requireNonNull(commandsTopic, "commandsTopic");
        Objects.requireNonNull(notificationsSink, "notificationsSink");
        Objects.requireNonNull(incidentsSink, "incidentsSink");
        Objects.requireNonNull(deadLetterSink, "deadLetterSink");
        Objects.requireNonNull(externalUrl, "externalUrl");
        Objects.requireNonNull(punctuationInterval, "punctuationInterval");
    }
}
