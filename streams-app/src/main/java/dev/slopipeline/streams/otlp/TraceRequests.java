package dev.slopipeline.streams.otlp;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import dev.slopipeline.kit.result.Decoded;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import java.nio.charset.StandardCharsets;

/**
 * Reads one Kafka record as an OTLP {@code ExportTraceServiceRequest}, in protobuf or in OTLP's JSON mapping.
 *
 * <p>OTLP JSON writes field names in lowerCamelCase, enums as integers, 64-bit integers as strings and trace and
 * span ids in hex: protobuf's own JSON parser reads all of that, taking the hex ids for base64 (the ids come out
 * wrong, and nothing here uses them). Unknown fields are ignored as OTLP asks, so that newer senders can add
 * fields; but a record that holds no spans and only unknown fields is not taken for an empty request: it is
 * refused, as that is what a record of another kind on the spans topic looks like.
 */
final class TraceRequests {

    /** A refusal reason quotes at most this much of the parser's message. */
    private static final int MAX_DETAIL = 200;

    private static final JsonFormat.Parser LENIENT_JSON = JsonFormat.parser().ignoringUnknownFields();
    private static final JsonFormat.Parser STRICT_JSON = JsonFormat.parser();

    private TraceRequests() {
    }

    static Decoded<ExportTraceServiceRequest> read(byte[] record, SpanEncoding setting) {
        SpanEncoding encoding = setting.of(record);
        return encoding == SpanEncoding.OTLP_JSON ? json(record, setting) : protobuf(record, setting);
    }

    private static Decoded<ExportTraceServiceRequest> protobuf(byte[] record, SpanEncoding setting) {
        ExportTraceServiceRequest request;
        try {
            request = ExportTraceServiceRequest.parseFrom(record);
        } catch (InvalidProtocolBufferException e) {
            return new Decoded.Invalid<>("not OTLP protobuf: " + detail(e.getMessage()) + pinnedHint(record, setting));
        }
        if (request.getResourceSpansCount() == 0 && !request.getUnknownFields().asMap().isEmpty()) {
            return new Decoded.Invalid<>("not OTLP protobuf: no resource spans, only fields an ExportTraceServiceRequest "
                    + "does not have" + pinnedHint(record, setting));
        }
        return new Decoded.Ok<>(request);
    }

    private static Decoded<ExportTraceServiceRequest> json(byte[] record, SpanEncoding setting) {
        String text = new String(record, StandardCharsets.UTF_8);
        ExportTraceServiceRequest.Builder request = ExportTraceServiceRequest.newBuilder();
        try {
            LENIENT_JSON.merge(text, request);
            if (request.getResourceSpansCount() == 0) {
                // rare: parse again, refusing unknown fields, to tell an empty request from a record of another kind
                STRICT_JSON.merge(text, ExportTraceServiceRequest.newBuilder());
            }
        } catch (InvalidProtocolBufferException | RuntimeException e) {
            return new Decoded.Invalid<>("not OTLP JSON: " + detail(e.getMessage())
                    + (setting == SpanEncoding.OTLP_JSON && !SpanEncoding.looksLikeJson(record)
                            ? " (spans.encoding is otlp_json, but the record does not start with '{': is it otlp_proto?)" : ""));
        }
        return new Decoded.Ok<>(request.build());
    }

    private static String pinnedHint(byte[] record, SpanEncoding setting) {
        return setting == SpanEncoding.OTLP_PROTO && SpanEncoding.looksLikeJson(record)
                ? " (spans.encoding is otlp_proto, but the record starts with '{': is it otlp_json?)" : "";
    }

    private static String detail(String message) {
        String line = message == null ? "unreadable" : message.strip().replace('\n', ' ');
        return line.length() <= MAX_DETAIL ? line : line.substring(0, MAX_DETAIL) + "...";
    }
}
