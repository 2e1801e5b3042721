package dev.slopipeline.streams.ingest;

import dev.slopipeline.kit.result.Decoded;
import dev.slopipeline.definitions.event.EventCodec;
import dev.slopipeline.definitions.event.HealthEvent;
import dev.slopipeline.definitions.event.RequestEvent;
import dev.slopipeline.definitions.model.SeriesKey;
import dev.slopipeline.definitions.model.SloDefinition;
import dev.slopipeline.kit.deadletter.DeadLetterHeaders;
import dev.slopipeline.streams.classify.JourneyClassifier;
import dev.slopipeline.streams.classify.JourneyClassifier.ProbeResult;
import dev.slopipeline.streams.metrics.TopologyMetrics;
import dev.slopipeline.streams.metrics.TopologyMetrics.EventKind;
import dev.slopipeline.streams.otlp.SpanBatch;
import dev.slopipeline.streams.otlp.SpanDecoder;
import dev.slopipeline.streams.otlp.SpanInput;
import dev.slopipeline.streams.reload.DefinitionsSnapshot;
import dev.slopipeline.streams.reload.LiveDefinitions;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * The first step of every event: decode it strictly, refuse it with a reason, or turn it into one
 * input per SLO it concerns, keyed by the SLO's series (its name, or for a split SLO the series of the event's
 * values, see {@link SeriesKey}); the repartition by SLO name lets the next step see each SLO on one task.
 *
 * <p>A request or probe selected by an SLO's matchers becomes {@link SloInput.Counts} for that SLO.
 * Every health result also becomes {@link SloInput.ComponentHealth} for each SLO whose matchers name
 * its service, as context for that SLO's alerts. A record of the spans topic carries many spans: each
 * one of a selected kind is a request event (see {@link SpanDecoder}); spans that cannot be one, or whose
 * time is refused, are counted rather than dead-lettered, so that the valid spans beside them still count.
 * Refused records keep their key, value and headers and gain a reason and their origin (see
 * {@link DeadLetterHeaders}); nothing here ever stops the application.
 *
 * <p>With {@link PreSumming}, counts are summed per SLO and minute in a store ({@link PreSums}) and
 * handed on by a wall-clock punctuator, at the cost of up to one interval of delay.
 */
public final class DecodeAndClassify implements Processor<byte[], byte[], String, Routed> {

    private final String healthTopic;
    private final Optional<String> spansTopic;
    private final SpanDecoder spans;
    private final String definitionsStore;
    private final EventTimeGuard timeGuard;
    private final LiveDefinitions live;
    private final TopologyMetrics metrics;
    private final EventCodec codec = new EventCodec();
    private final Verdicts verdicts = new Verdicts();
    private final Optional<PreSumming> preSumming;
    private ProcessorContext<String, Routed> context;
    private ReadOnlyKeyValueStore<String, String> definitionTexts;
    private PreSums preSums;

    /**
     * Summing counts before the repartition: in which store, and how often (wall clock) the sums move on.
     * Without it every event's counts cross the repartition at once, as replay and the tests of exact
     * timing want.
     */
    public record PreSumming(String store, Duration interval) {
    }

    public DecodeAndClassify(String healthTopic, SpanInput spanInput, String definitionsStore, Duration maxFutureSkew,
                             Duration maxEventAge, LiveDefinitions live, TopologyMetrics metrics, Optional<PreSumming> preSumming) {
        this.healthTopic = healthTopic;
        this.spansTopic = spanInput.topic();
        this.spans = new SpanDecoder(spanInput.encoding(), spanInput.kinds());
        this.definitionsStore = definitionsStore;
        this.preSumming = preSumming;
        this.timeGuard = new EventTimeGuard(maxFutureSkew, maxEventAge);
        this.live = live;
        this.metrics = metrics;
    }

    @Override
    public void init(ProcessorContext<String, Routed> context) {
        this.context = context;
        this.definitionTexts = context.getStateStore(definitionsStore);
        preSumming.ifPresent(summing -> {
            preSums = new PreSums(context.getStateStore(summing.store()));
            context.schedule(summing.interval(), PunctuationType.WALL_CLOCK_TIME, now -> preSums.drain(sum ->
                    context.forward(new Record<>(sum.series(), sum.counts(), sum.counts().eventTimeMillis()))));
        });
    }

    @Override
    public void process(Record<byte[], byte[]> record) {
        RecordMetadata origin = context.recordMetadata().orElseThrow();
        boolean ofSpans = spansTopic.isPresent() && origin.topic().equals(spansTopic.get());
        if (record.value() == null) {
            refuse(record, origin, DeadLetterReason.NO_VALUE, "the record has no value: expected "
                    + (ofSpans ? "one OTLP export request" : "one JSON event"));
            return;
        }
        DefinitionsSnapshot definitions = live.current(definitionTexts);
        if (ofSpans) {
            Decoded<SpanBatch> decoded = spans.decode(record.value());
            if (decoded instanceof Decoded.Ok<SpanBatch> ok) {
                spans(ok.value(), definitions);
            } else {
                refuse(record, origin, DeadLetterReason.MALFORMED, ((Decoded.Invalid<SpanBatch>) decoded).reason());
            }
        } else if (origin.topic().equals(healthTopic)) {
            Decoded<HealthEvent> decoded = codec.decodeHealth(record.value());
            if (decoded instanceof Decoded.Ok<HealthEvent> ok) {
                health(record, origin, ok.value(), definitions);
            } else {
                refuse(record, origin, ((Decoded.Invalid<HealthEvent>) decoded).reason());
            }
        } else {
            Decoded<RequestEvent> decoded = codec.decodeRequest(record.value());
            if (decoded instanceof Decoded.Ok<RequestEvent> ok) {
                request(record, origin, ok.value(), definitions);
            } else {
                refuse(record, origin, ((Decoded.Invalid<RequestEvent>) decoded).reason());
            }
        }
    }

    /**
     * As {@link #process} for a record of the requests topic whose value the caller has decoded already, as
     * {@code event}: the same outcome without decoding the value again (replay decodes every line when it reads
     * the file, as its time orders the replay).
     */
    public void processDecodedRequest(Record<byte[], byte[]> record, RequestEvent event) {
        request(record, context.recordMetadata().orElseThrow(), event, live.current(definitionTexts));
    }

    private void request(Record<byte[], byte[]> record, RecordMetadata origin, RequestEvent event, DefinitionsSnapshot definitions) {
        if (!timely(record, origin, event.timestamp())) {
            return;
        }
        classify(event, definitions, EventKind.REQUESTS);
    }

    private void spans(SpanBatch batch, DefinitionsSnapshot definitions) {
        batch.unusable().forEach((reason, spans) -> metrics.spansUnusable(reason.tag(), spans));
        long now = context.currentSystemTimeMs();
        for (RequestEvent event : batch.events()) {
            Optional<EventTimeGuard.Refusal> refusal = timeGuard.check(event.timestamp(), now);
            if (refusal.isPresent()) {
                metrics.spansUnusable(refusal.get().kind().tag(), 1);
            } else {
                classify(event, definitions, EventKind.SPANS);
            }
        }
    }

    private void classify(RequestEvent event, DefinitionsSnapshot definitions, EventKind kind) {
        verdicts.start(event.timestamp(), event.service(), event.operation(), event.attributes());
        definitions.classifier().classifyRequest(event.service(), event.operation(), event.attributes(),
                event.status(), event.latencyMs(), event.count(), verdicts);
        count(kind);
    }

    private void health(Record<byte[], byte[]> record, RecordMetadata origin, HealthEvent event, DefinitionsSnapshot definitions) {
        if (!timely(record, origin, event.timestamp())) {
            return;
        }
        verdicts.start(event.timestamp(), event.service(), event.check(), event.attributes());
        definitions.classifier().classifyHealth(event.service(), event.check(), event.attributes(),
                ProbeResult.valueOf(event.status().name()), 1, verdicts);
        count(EventKind.HEALTH);
        long time = event.timestamp().toEpochMilli();
        for (String slo : definitions.coverage().slosCovering(event.service())) {
            context.forward(new Record<>(slo, new SloInput.ComponentHealth(time, event.service(), event.check(),
                    event.status(), event.target()), time));
        }
    }

    private void count(EventKind kind) {
        if (verdicts.matched > 0) {
            metrics.classified(kind);
        } else {
            metrics.unmatched(kind);
        }
    }

    private boolean timely(Record<byte[], byte[]> record, RecordMetadata origin, Instant eventTime) {
        Optional<EventTimeGuard.Refusal> refusal = timeGuard.check(eventTime, context.currentSystemTimeMs());
        if (refusal.isEmpty()) {
            return true;
        }
        // not ifPresent: its lambda would capture the record, an allocation for every timely event
        refuse(record, origin, refusal.get().kind(), refusal.get().reason());
        return false;
    }

    private void refuse(Record<byte[], byte[]> record, RecordMetadata origin, String codecReason) {
        refuse(record, origin, DeadLetterReason.ofCodecReason(codecReason), codecReason);
    }

    private void refuse(Record<byte[], byte[]> record, RecordMetadata origin, DeadLetterReason kind, String reason) {
        metrics.deadLettered(kind.tag());
        DeadLetterSize.Fitted letter = DeadLetterSize.fit(record.key(), record.value(), record.headers());
        context.forward(new Record<String, Routed>(null, new DeadLetter(letter.key(), letter.value()), record.timestamp(),
                deadLetterHeaders(letter.headers(), reason, origin)));
    }

    /** The original headers with the reason and origin added. */
    private static Headers deadLetterHeaders(Headers original, String reason, RecordMetadata origin) {
        Headers headers = DeadLetterHeaders.addReason(new RecordHeaders(original.toArray()), reason, origin.topic());
        return DeadLetterHeaders.addPosition(headers, origin.partition(), origin.offset());
    }

    /** Forwards each SLO's verdict on the current event; one instance, reused, as events are many. */
    private final class Verdicts implements JourneyClassifier.VerdictSink {
        private long time;
        private String service;
        private String operation;
        private Map<String, String> attributes;
        private int matched;

        void start(Instant eventTime, String eventService, String eventOperation, Map<String, String> eventAttributes) {
            time = eventTime.toEpochMilli();
            service = eventService;
            operation = eventOperation;
            attributes = eventAttributes;
            matched = 0;
        }

        @Override
        public void accept(SloDefinition slo, long good, long bad) {
            matched++;
            String series = slo.grouping().isSplit()
                    ? SeriesKey.of(slo, slo.grouping().valuesOf(service, operation, attributes)).text()
                    : slo.name();
            if (preSums != null) {
                preSums.add(series, time, good, bad, service, operation);
                return;
            }
            SloInput.Counts counts = bad > 0
                    ? new SloInput.Counts(time, good, bad, service, operation)
                    : new SloInput.Counts(time, good, 0, null, null);
            context.forward(new Record<>(series, counts, time));
        }
    }
}
