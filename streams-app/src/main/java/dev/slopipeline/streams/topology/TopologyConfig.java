package dev.slopipeline.streams.topology;

import dev.slopipeline.definitions.alert.Alert;
import dev.slopipeline.definitions.model.DefinitionSet;
import dev.slopipeline.streams.otlp.SpanInput;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import java.time.Duration;
import java.util.Objects;

/**
 * Everything {@link SloTopology#build} needs; {@link #defaults()} suits production.
 *
 * @param topics             the topic names
 * @param grace              how far behind an SLO's latest event time an event still counts (whole minutes)
 * @param statusInterval     shortest time between two statuses of one SLO on the status topic (wall clock)
 * @param evaluationInterval how often SLOs are judged without input (wall clock)
 * @param wallClockLag       the delay tolerated from producers: an SLO silent for this long has its event
 *                           time moved to wall clock minus this, so its alerts resolve when traffic stops
 * @param maxFutureSkew      events further ahead of the wall clock are refused
 * @param maxEventAge        events further behind the wall clock are refused (longer than any window that
 *                           should still count them; later events within it but behind an SLO's grace
 *                           are counted as late instead)
 * @param healthContextTtl   how long a component health result stays attached to alerts
 * @param initialDefinitions definitions loaded from a folder at start; the definitions topic overlays them
 * @param stores             how state is kept
 * @param meters             where the counters go (see {@code TopologyMetrics}); by default nowhere
 * @param preSumInterval     when positive, counts are summed per SLO and minute before the repartition and
 *                           handed on this often (wall clock): far fewer records cross it, at the cost of up
 *                           to this much delay; zero (the default) hands every event's counts on at once
 * @param spans              the topic of OpenTelemetry spans, if any, and which spans are requests
 * @param roundSlices        how many wall-clock punctuations a task's round over its series is spread over, for the
 *                           statuses (a round every status interval) and for judging without input (a round every
 *                           evaluation interval): a punctuation holds up the stream thread's records, alerts among
 *                           them, so the application takes a slice at a time; one (the default) visits every series
 *                           at once, as replay, whose clock jumps from event to event, needs
 */
public record TopologyConfig(
        Topics topics,
        Duration grace,
        Duration statusInterval,
        Duration evaluationInterval,
        Duration wallClockLag,
        Duration maxFutureSkew,
        Duration maxEventAge,
        Duration healthContextTtl,
        DefinitionSet initialDefinitions,
        StoreKind stores,
        MeterRegistry meters,
        Duration preSumInterval,
        SpanInput spans,
        int roundSlices) {

    /**
     * The topics read and written. Input and output topics are external (the runtime creates them);
     * the repartition and changelog topics are internal and named after the application id.
     */
    public record Topics(String requests, String health, String deadLetters, String definitions, String alerts, String status) {
        public Topics {
            Objects.requireNonNull(requests, "requests");
            Objects.requireNonNull(health, "health");
            Objects.requireNonNull(deadLetters, "deadLetters");
            Objects.requireNonNull(definitions, "definitions");
            Objects.requireNonNull(alerts, "alerts");
            Objects.requireNonNull(status, "status");
            if (requests.equals(health)) {
                throw new IllegalArgumentException("request and health events need topics of their own, both are " + requests);
            }
        }

        public static Topics defaults() {
            return new Topics("slo.events.requests", "slo.events.health", "slo.events.dlq", "slo.definitions", Alert.DEFAULT_TOPIC,
                    "slo.status");
        }
    }

    /** How state is kept. */
    public enum StoreKind {
        /** RocksDB with a record cache and a changelog topic: the application. */
        PERSISTENT,
        /** In memory, without cache or changelog: replay, where nothing outlives the run. */
        IN_MEMORY
    }

    public TopologyConfig {
        Objects.requireNonNull(topics, "topics");
        Objects.requireNonNull(initialDefinitions, "initialDefinitions");
        Objects.requireNonNull(stores, "stores");
        Objects.requireNonNull(meters, "meters");
        if (grace.isNegative() || !grace.equals(Duration.ofMinutes(grace.toMinutes()))) {
            throw new IllegalArgumentException("grace must be a whole, non-negative number of minutes, got " + grace);
        }
        requirePositive(statusInterval, "statusInterval");
        requirePositive(evaluationInterval, "evaluationInterval");
        requirePositive(wallClockLag, "wallClockLag");
        requirePositive(maxFutureSkew, "maxFutureSkew");
        requirePositive(maxEventAge, "maxEventAge");
        requirePositive(healthContextTtl, "healthContextTtl");
        if (preSumInterval == null || preSumInterval.isNegative()) {
            throw new IllegalArgumentException("preSumInterval must be zero or positive, got " + preSumInterval);
        }
        Objects.requireNonNull(spans, "spans");
        if (roundSlices < 1) {
            throw new IllegalArgumentException("roundSlices must be at least 1, got " + roundSlices);
        }
        spans.topic().filter(topic -> topic.equals(topics.requests()) || topic.equals(topics.health())).ifPresent(topic -> {
            throw new IllegalArgumentException("spans need a topic of their own, " + topic + " is an event topic too");
        });
    }

    /**
     * Default topics, grace 2m, a status at most every 5 s, judging silent SLOs every 10 s after 1 minute
     * of silence, events refused beyond 1 h ahead of or 35 days behind the wall clock, health context kept
     * 10 minutes, no folder definitions, persistent stores, no metrics, no summing before the repartition, server and
     * consumer spans from {@code otlp_spans} in either encoding, every series visited in one punctuation per round.
     */
    public static TopologyConfig defaults() {
        return new TopologyConfig(Topics.defaults(), Duration.ofMinutes(2), Duration.ofSeconds(5), Duration.ofSeconds(10),
                Duration.ofMinutes(1), Duration.ofHours(1), Duration.ofDays(35), Duration.ofMinutes(10),
                DefinitionSet.empty(), StoreKind.PERSISTENT, new CompositeMeterRegistry(), Duration.ZERO, SpanInput.defaults(), 1);
    }

    public TopologyConfig withTopics(Topics value) {
        return new TopologyConfig(value, grace, statusInterval, evaluationInterval, wallClockLag, maxFutureSkew, maxEventAge,
                healthContextTtl, initialDefinitions, stores, meters, preSumInterval, spans, roundSlices);
    }

    public TopologyConfig withGrace(Duration value) {
        return new TopologyConfig(topics, value, statusInterval, evaluationInterval, wallClockLag, maxFutureSkew, maxEventAge,
                healthContextTtl, initialDefinitions, stores, meters, preSumInterval, spans, roundSlices);
    }

    public TopologyConfig withStatusInterval(Duration value) {
        return new TopologyConfig(topics, grace, value, evaluationInterval, wallClockLag, maxFutureSkew, maxEventAge,
                healthContextTtl, initialDefinitions, stores, meters, preSumInterval, spans, roundSlices);
    }

    public TopologyConfig withEvaluationInterval(Duration value) {
        return new TopologyConfig(topics, grace, statusInterval, value, wallClockLag, maxFutureSkew, maxEventAge,
                healthContextTtl, initialDefinitions, stores, meters, preSumInterval, spans, roundSlices);
    }

    public TopologyConfig withWallClockLag(Duration value) {
        return new TopologyConfig(topics, grace, statusInterval, evaluationInterval, value, maxFutureSkew, maxEventAge,
                healthContextTtl, initialDefinitions, stores, meters, preSumInterval, spans, roundSlices);
    }

    public TopologyConfig withMaxFutureSkew(Duration value) {
        return new TopologyConfig(topics, grace, statusInterval, evaluationInterval, wallClockLag, value, maxEventAge,
                healthContextTtl, initialDefinitions, stores, meters, preSumInterval, spans, roundSlices);
    }

    public TopologyConfig withMaxEventAge(Duration value) {
        return new TopologyConfig(topics, grace, statusInterval, evaluationInterval, wallClockLag, maxFutureSkew, value,
                healthContextTtl, initialDefinitions, stores, meters, preSumInterval, spans, roundSlices);
    }

    public TopologyConfig withHealthContextTtl(Duration value) {
        return new TopologyConfig(topics, grace, statusInterval, evaluationInterval, wallClockLag, maxFutureSkew, maxEventAge,
                value, initialDefinitions, stores, meters, preSumInterval, spans, roundSlices);
    }

    public TopologyConfig withInitialDefinitions(DefinitionSet value) {
        return new TopologyConfig(topics, grace, statusInterval, evaluationInterval, wallClockLag, maxFutureSkew, maxEventAge,
                healthContextTtl, value, stores, meters, preSumInterval, spans, roundSlices);
    }

    public TopologyConfig withStores(StoreKind value) {
        return new TopologyConfig(topics, grace, statusInterval, evaluationInterval, wallClockLag, maxFutureSkew, maxEventAge,
                healthContextTtl, initialDefinitions, value, meters, preSumInterval, spans, roundSlices);
    }

    public TopologyConfig withMeters(MeterRegistry value) {
        return new TopologyConfig(topics, grace, statusInterval, evaluationInterval, wallClockLag, maxFutureSkew, maxEventAge,
                healthContextTtl, initialDefinitions, stores, value, preSumInterval, spans, roundSlices);
    }

    public TopologyConfig withPreSumInterval(Duration value) {
        return new TopologyConfig(topics, grace, statusInterval, evaluationInterval, wallClockLag, maxFutureSkew, maxEventAge,
                healthContextTtl, initialDefinitions, stores, meters, value, spans, roundSlices);
    }

    public TopologyConfig withSpans(SpanInput value) {
        return new TopologyConfig(topics, grace, statusInterval, evaluationInterval, wallClockLag, maxFutureSkew, maxEventAge,
                healthContextTtl, initialDefinitions, stores, meters, preSumInterval, value, roundSlices);
    }

    public TopologyConfig withRoundSlices(int value) {
        return new TopologyConfig(topics, grace, statusInterval, evaluationInterval, wallClockLag, maxFutureSkew, maxEventAge,
                healthContextTtl, initialDefinitions, stores, meters, preSumInterval, spans, value);
    }

    private static void requirePositive(Duration duration, String name) {
        if (duration == null || duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, got " + duration);
        }
    }
}
