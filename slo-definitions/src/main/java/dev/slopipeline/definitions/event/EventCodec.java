package dev.slopipeline.definitions.event;

import dev.slopipeline.kit.result.Decoded;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;

/**
 * Strict JSON codec for request and health events, built on Jackson's streaming parser: no tree,
 * no reflection, one pass, and little more allocation than the record itself.
 *
 * <p>Decoding accepts exactly one JSON object in UTF-8 and refuses, with a one-line reason, input
 * that is not JSON, has a field twice, lacks a required field, has a field of the wrong type or an
 * absurd value; every reason is pinned by {@code RequestEventCodecTest} and
 * {@code HealthEventCodecTest}. Unknown top-level fields are ignored (see the package
 * documentation). The codec does not judge how far an event is from now: that depends on the
 * consumer's clock and grace period.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class EventCodec {

    /** Most characters (code points) in a service, operation, check or target name. */
    public static final int MAX_NAME_LENGTH = 256;
    /** Most characters (code points) in an attribute key or value. */
    public static final int MAX_ATTRIBUTE_LENGTH = 1024;
    /** Most entries in {@code attributes}. */
    public static final int MAX_ATTRIBUTES = 64;
    /** Largest {@code count}: beyond it a batch is far more likely a bug than traffic. */
    public static final long MAX_COUNT = 1_000_000_000L;
    /** Most fields in the top-level object, known and unknown together. */
    public static final int MAX_FIELDS = 64;
    /** Deepest nesting of objects and arrays, the top-level object counting as 1. */
    public static final int MAX_DEPTH = 16;
    /** Earliest accepted event time. */
    public static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
    /** Latest accepted event time. */
    public static final Instant LATEST = Instant.parse("2200-01-01T00:00:00Z");

    /** Request status codes outside this range are not HTTP-like statuses at all. */
    private static final int MIN_STATUS = 100;
    private static final int MAX_STATUS = 599;
    private static final int NO_STATUS = -1;

    /**
     * Numbers parsed from the parser's buffer: Jackson's default hands {@code latency_ms} to
     * {@code Double.parseDouble} through a new string, the slowest step of a small event. The result
     * is the same correctly rounded double.
     */
    private final JsonFactory json = JsonFactory.builder().enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER).build();

    /** Decodes a request event. */
    public Decoded<RequestEvent> decodeRequest(byte[] utf8) {
        try (EventReader in = EventReader.open(json, utf8)) {
            Instant timestamp = null;
            String service = null;
            String operation = null;
            int status = NO_STATUS; // an int sentinel, not an Integer, to keep boxing off the hot path
            double latencyMs = RequestEvent.NO_LATENCY;
            long count = 1;
            Map<String, String> attributes = Map.of();
            for (String field = in.nextField(); field != null; field = in.nextField()) {
                if (in.isNull()) {
                    continue;
                }
                switch (field) {
                    case "timestamp" -> timestamp = in.timestamp(field);
                    case "service" -> service = in.name(field);
                    case "operation" -> operation = in.name(field);
                    case "status" -> status = (int) in.integer(field, MIN_STATUS, MAX_STATUS);
                    case "latency_ms" -> latencyMs = in.latency(field);
                    case "count" -> count = in.integer(field, 1, MAX_COUNT);
                    case "attributes" -> attributes = in.attributes(field);
                    default -> in.skip(field);
                }
            }
            in.end();
            require(timestamp, "timestamp");
            require(service, "service");
            require(operation, "operation");
            if (status == NO_STATUS) {
                throw EventReader.missing("status");
            }
            return new Decoded.Ok<>(
                    new RequestEvent(timestamp, service, operation, status, latencyMs, count, attributes));
        } catch (EventReader.Rejected rejected) {
            return new Decoded.Invalid<>(rejected.getMessage());
        } catch (IOException e) {
            return new Decoded.Invalid<>(EventReader.notJson(e));
        }
    }

    /** Decodes a health event. */
    public Decoded<HealthEvent> decodeHealth(byte[] utf8) {
        try (EventReader in = EventReader.open(json, utf8)) {
            Instant timestamp = null;
            String service = null;
            String check = null;
            HealthStatus status = null;
            double latencyMs = RequestEvent.NO_LATENCY;
            String target = null;
            Map<String, String> attributes = Map.of();
            for (String field = in.nextField(); field != null; field = in.nextField()) {
                if (in.isNull()) {
                    continue;
                }
                switch (field) {
                    case "timestamp" -> timestamp = in.timestamp(field);
                    case "service" -> service = in.name(field);
                    case "check" -> check = in.name(field);
                    case "status" -> status = in.healthStatus(field);
                    case "latency_ms" -> latencyMs = in.latency(field);
                    case "target" -> target = in.name(field);
                    case "attributes" -> attributes = in.attributes(field);
                    default -> in.skip(field);
                }
            }
            in.end();
            require(timestamp, "timestamp");
            require(service, "service");
            require(check, "check");
            require(status, "status");
            return new Decoded.Ok<>(
                    new HealthEvent(timestamp, service, check, status, latencyMs, target, attributes));
        } catch (EventReader.Rejected rejected) {
            return new Decoded.Invalid<>(rejected.getMessage());
        } catch (IOException e) {
            return new Decoded.Invalid<>(EventReader.notJson(e));
        }
    }

    /**
     * Encodes a request event in the field order of the contract. Absent latency and empty
     * attributes are left out; attributes are written sorted by key so equal events encode to
     * equal bytes. Nothing is validated: an event this codec would refuse encodes as given.
     */
    public byte[] encode(RequestEvent event) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(192);
        try (JsonGenerator g = json.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("timestamp", event.timestamp().toString());
            g.writeStringField("service", event.service());
            g.writeStringField("operation", event.operation());
            g.writeNumberField("status", event.status());
            if (event.hasLatency()) {
                g.writeNumberField("latency_ms", event.latencyMs());
            }
            g.writeNumberField("count", event.count());
            writeAttributes(g, event.attributes());
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
        return out.toByteArray();
    }

    /** Encodes a health event; absent latency, target and empty attributes are left out. */
    public byte[] encode(HealthEvent event) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(192);
        try (JsonGenerator g = json.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("timestamp", event.timestamp().toString());
            g.writeStringField("service", event.service());
            g.writeStringField("check", event.check());
            g.writeStringField("status", event.status().wireName());
            if (event.hasLatency()) {
                g.writeNumberField("latency_ms", event.latencyMs());
            }
            if (event.target() != null) {
                g.writeStringField("target", event.target());
            }
            writeAttributes(g, event.attributes());
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
        return out.toByteArray();
    }

    private static void writeAttributes(JsonGenerator g, Map<String, String> attributes) throws IOException {
        if (attributes.isEmpty()) {
            return;
        }
        String[] keys = attributes.keySet().toArray(new String[0]);
        Arrays.sort(keys);
        g.writeObjectFieldStart("attributes");
        for (String key : keys) {
            g.writeStringField(key, attributes.get(key));
        }
        g.writeEndObject();
    }

    private static void require(Object value, String field) {
        if (value == null) {
            throw EventReader.missing(field);
        }
    }
}
