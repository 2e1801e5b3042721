package dev.slopipeline.streams.otlp;

import dev.slopipeline.definitions.event.RequestEvent;
import dev.slopipeline.kit.result.Decoded;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Span.SpanKind;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns one record of the spans topic, an OTLP {@code ExportTraceServiceRequest} as the OpenTelemetry Collector's
 * Kafka exporter writes it, into request events: one per span of a selected kind (see {@link SpanMapping} for how).
 * A record that is not OTLP is refused with a reason for the dead-letter topic; a valid one whose spans are partly
 * unusable keeps the usable ones and counts the rest. Thread-safe.
 */
public final class SpanDecoder {

    private final SpanEncoding encoding;
    private final Set<SpanKind> kinds;

    public SpanDecoder(SpanEncoding encoding, Set<SpanKind> kinds) {
        this.encoding = encoding;
        this.kinds = Set.copyOf(kinds);
    }

    public Decoded<SpanBatch> decode(byte[] record) {
        Decoded<ExportTraceServiceRequest> read = TraceRequests.read(record, encoding);
        if (read instanceof Decoded.Invalid<ExportTraceServiceRequest> invalid) {
            return new Decoded.Invalid<>(invalid.reason());
        }
        return new Decoded.Ok<>(events(((Decoded.Ok<ExportTraceServiceRequest>) read).value()));
    }

    private SpanBatch events(ExportTraceServiceRequest request) {
        List<RequestEvent> events = new ArrayList<>();
        Map<UnusableSpan, Integer> unusable = new EnumMap<>(UnusableSpan.class);
        for (ResourceSpans resource : request.getResourceSpansList()) {
            Map<String, String> resourceAttributes = null;
            String service = null;
            for (ScopeSpans scope : resource.getScopeSpansList()) {
                for (Span span : scope.getSpansList()) {
                    if (!kinds.contains(span.getKind())) {
                        continue;
                    }
                    if (resourceAttributes == null) {
                        // only for resources with spans of interest: a client-only service costs nothing more
                        resourceAttributes = SpanMapping.attributes(resource.getResource().getAttributesList());
                        service = resourceAttributes.get(SpanMapping.SERVICE_NAME);
                    }
                    if (service == null || service.isEmpty()) {
                        unusable.merge(UnusableSpan.NO_SERVICE_NAME, 1, Integer::sum);
                        continue;
                    }
                    try {
                        events.add(SpanMapping.event(service, resourceAttributes, span));
                    } catch (SpanMapping.Unusable e) {
                        unusable.merge(e.reason, 1, Integer::sum);
                    }
                }
            }
        }
        return new SpanBatch(events, unusable);
    }
}
