package dev.slopipeline.streams.otlp;

import dev.slopipeline.definitions.event.EventCodec;
import dev.slopipeline.definitions.event.RequestEvent;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Status;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One span as one request event, after OpenTelemetry's semantic conventions (the current ones and the older HTTP
 * names):
 * <ul>
 *   <li>operation: {@code "<method> <route>"} for HTTP ({@code http.request.method} or {@code http.method}, then
 *       {@code http.route}, or {@code http.target} without its query), {@code "<rpc.service>/<rpc.method>"} for
 *       RPC, else the span's name;</li>
 *   <li>status: {@code http.response.status_code} or {@code http.status_code}; without one, 500 when the span's
 *       status is ERROR and 200 otherwise (OK or UNSET), so that {@code good: {status: {below: 500}}} judges every
 *       span;</li>
 *   <li>latency: end minus start; event time: the end;</li>
 *   <li>attributes: the resource's and the span's (the span's win), those with a string, boolean or number value
 *       (numbers and booleans as their decimal text and {@code true}/{@code false}); arrays, maps and bytes are
 *       left out, as an event's attributes are flat strings.</li>
 * </ul>
 */
final class SpanMapping {

    static final String SERVICE_NAME = "service.name";
    static final int STATUS_OK = 200;
    static final int STATUS_ERROR = 500;

    private static final String[] HTTP_METHOD = {"http.request.method", "http.method"};
    private static final String[] HTTP_STATUS = {"http.response.status_code", "http.status_code"};

    /** A span that cannot be an event. Thrown only on the rare bad path, so it skips the stack trace. */
    static final class Unusable extends RuntimeException {
        final UnusableSpan reason;

        Unusable(UnusableSpan reason) {
            super(reason.tag(), null, false, false);
            this.reason = reason;
        }
    }

    private SpanMapping() {
    }

    /** The resource's attributes as an event carries them, read once for all its spans. */
    static Map<String, String> attributes(List<KeyValue> attributes) {
        Map<String, String> strings = new HashMap<>();
        addAttributes(attributes, strings);
        return strings;
    }

    /**
     * @param service            the resource's {@code service.name}
     * @param resourceAttributes from {@link #attributes}
     * @throws Unusable when the span cannot be an event
     */
    static RequestEvent event(String service, Map<String, String> resourceAttributes, Span span) {
        long start = span.getStartTimeUnixNano();
        long end = span.getEndTimeUnixNano();
        // unsigned on the wire: a negative long is a time after 2262, as absurd as none
        if (end <= 0 || start <= 0 || start > end) {
            throw new Unusable(UnusableSpan.INVALID_VALUE);
        }
        Map<String, String> attributes = new HashMap<>(resourceAttributes);
        addAttributes(span.getAttributesList(), attributes);
        String operation = checkedName(operation(span, attributes));
        return new RequestEvent(Instant.ofEpochSecond(0, end), checkedName(service), operation, status(span, attributes),
                (end - start) / 1e6, 1, attributes);
    }

    private static String operation(Span span, Map<String, String> attributes) {
        String method = first(attributes, HTTP_METHOD);
        if (method != null) {
            String route = attributes.get("http.route");
            if (route == null) {
                route = withoutQuery(attributes.get("http.target"));
            }
            if (route != null) {
                return method + " " + route;
            }
        }
        String rpcService = attributes.get("rpc.service");
        String rpcMethod = attributes.get("rpc.method");
        if (rpcService != null && rpcMethod != null) {
            return rpcService + "/" + rpcMethod;
        }
        return span.getName();
    }

    private static int status(Span span, Map<String, String> attributes) {
        String http = first(attributes, HTTP_STATUS);
        if (http == null) {
            return span.getStatus().getCode() == Status.StatusCode.STATUS_CODE_ERROR ? STATUS_ERROR : STATUS_OK;
        }
        try {
            int status = Integer.parseInt(http);
            if (status >= 100 && status <= 599) {
                return status;
            }
        } catch (NumberFormatException notANumber) {
            // refused below, as a status out of range is
        }
        throw new Unusable(UnusableSpan.INVALID_VALUE);
    }

    private static String checkedName(String name) {
        if (name.isEmpty() || (name.length() > EventCodec.MAX_NAME_LENGTH
                && name.codePointCount(0, name.length()) > EventCodec.MAX_NAME_LENGTH)) {
            throw new Unusable(UnusableSpan.INVALID_VALUE);
        }
        return name;
    }

    private static String withoutQuery(String target) {
        if (target == null) {
            return null;
        }
        int query = target.indexOf('?');
        return query < 0 ? target : target.substring(0, query);
    }

    private static String first(Map<String, String> attributes, String[] keys) {
        for (String key : keys) {
            String value = attributes.get(key);
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    private static void addAttributes(List<KeyValue> attributes, Map<String, String> into) {
        for (KeyValue attribute : attributes) {
            String value = text(attribute.getValue());
            if (value != null) {
                into.put(attribute.getKey(), value);
            }
        }
    }

    /** The value as text, or null for values an event's flat string attributes cannot hold. */
    private static String text(AnyValue value) {
        return switch (value.getValueCase()) {
            case STRING_VALUE -> value.getStringValue();
            case BOOL_VALUE -> Boolean.toString(value.getBoolValue());
            case INT_VALUE -> Long.toString(value.getIntValue());
            case DOUBLE_VALUE -> Double.toString(value.getDoubleValue());
            default -> null;
        };
    }
}
