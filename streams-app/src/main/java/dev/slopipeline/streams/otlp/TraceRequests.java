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

    /**
     * Deeper JSON is refused before parsing: the JSON parser under JsonFormat recurses once per level, and a few
     * thousand levels would overflow the stream thread's stack. Protobuf's own limit for nested messages is 100; an
     * export request is about 10 deep, plus what attribute values nest.
     */
    static final int MAX_JSON_DEPTH = 100;

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
        if (nestingExceeds(record, MAX_JSON_DEPTH)) {
            return new Decoded.Invalid<>("not OTLP JSON: objects and arrays nested deeper than " + MAX_JSON_DEPTH);
        }
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

    /** Whether objects and arrays outside strings nest deeper than {@code max}; one pass, no allocation. */
    static boolean nestingExceeds(byte[] json, int max) {
        int depth = 0;
        boolean inString = false;
        for (int i = 0; i < json.length; i++) {
            byte b = json[i];
            if (inString) {
                if (b == '\\') {
                    i++;
                } else if (b == '"') {
                    inString = false;
                }
            } else if (b == '"') {
                inString = true;
            } else if (b == '{' || b == '[') {
                if (++depth > max) {
                    return true;
                }
            } else if (b == '}' || b == ']') {
                depth--;
            }
        }
        return false;
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
