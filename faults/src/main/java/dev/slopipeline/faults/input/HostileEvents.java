package dev.slopipeline.faults.input;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

/**
 * A seeded stream of hostile records for the journey {@code checkout-api POST /checkout}, with valid
 * events in between: records that are not JSON, truncated, of the wrong types, with huge strings, deep
 * nesting, NaN or negative latencies, timestamps far in the past or future, invalid UTF-8, nulls, huge
 * numbers, duplicate keys; and valid but unusual events (unknown fields, nulls for optional fields,
 * epoch milliseconds, odd keys) that must be counted.
 *
 * <p>Each record's outcome is fixed by construction: the fuzzer is an independent oracle for the codec,
 * the time guard and the counting. Valid events are spaced {@code step} apart from {@code firstEventTime},
 * in order, so none is late.
 */
public final class HostileEvents {

    /** The service and operation the journey SLO selects. */
    public static final String SERVICE = "checkout-api";
    public static final String OPERATION = "POST /checkout";

    private final Random random;
    private final Instant wallClock;
    private Instant cursor;
    private final Duration step;
    private final List<Supplier<FuzzedEvent>> hostile;

    /**
     * @param seed           fixes the whole stream
     * @param wallClock      the pipeline's clock when the records are read (timestamps are judged against it)
     * @param firstEventTime the event time of the first valid event
     * @param step           event time between two valid events
     */
    public HostileEvents(long seed, Instant wallClock, Instant firstEventTime, Duration step) {
        this.random = new Random(seed);
        this.wallClock = wallClock;
        this.cursor = firstEventTime;
        this.step = step;
        this.hostile = List.of(this::notJson, this::truncated, this::wrongType, this::hugeString, this::deepNesting,
                this::badLatency, this::badTimestamp, this::invalidUtf8, this::nulls, this::hugeNumber, this::duplicateKey,
                this::missingField, this::tooManyFields, this::trailingContent, this::statusOutOfRange, this::emptyName,
                this::hostileHealth);
    }

    /**
     * {@code hostileCount} refused records, with a valid event after every {@code hostilePerValid} of them
     * (a third of the valid ones unusual but valid).
     */
    public List<FuzzedEvent> stream(int hostileCount, int hostilePerValid) {
        List<FuzzedEvent> events = new ArrayList<>(hostileCount + hostileCount / hostilePerValid + 2);
        events.add(valid());
        for (int i = 1; i <= hostileCount; i++) {
            events.add(hostile.get(random.nextInt(hostile.size())).get());
            if (i % hostilePerValid == 0) {
                events.add(random.nextInt(3) == 0 ? unusualButValid() : valid());
            }
        }
        events.add(valid());
        return events;
    }

    /** A plain valid event, good or bad at random, one to five units. */
    public FuzzedEvent valid() {
        Instant time = nextTime();
        boolean ok = random.nextInt(10) != 0;
        int count = 1 + random.nextInt(5);
        int status = ok ? 200 : 503;
        return counted("valid", json(time, "\"" + SERVICE + "\"", "\"" + OPERATION + "\"", Integer.toString(status),
                "12.5", Integer.toString(count), ""), ok, count);
    }

    /**
     * A refused request of exactly {@code totalBytes} (a service name far too long), for records as large as
     * the broker takes: its dead letter, with reason headers added, would not fit.
     */
    public FuzzedEvent oversized(int totalBytes) {
        byte[] shell = json(nextTime(), q(""), q(OPERATION), "200", "1", "1", "");
        return refused("oversized", json(cursor, q(randomLetters(totalBytes - shell.length)), q(OPERATION), "200", "1", "1", ""));
    }

    private FuzzedEvent unusualButValid() {
        Instant time = nextTime();
        boolean ok = random.nextBoolean();
        int status = ok ? 204 : 500;
        String t = "\"" + time + "\"";
        return switch (random.nextInt(9)) {
            case 0 -> counted("unknown-fields", json(time, q(SERVICE), q(OPERATION), "" + status, "1", "1",
                    ",\"trace\":{\"id\":\"abc\",\"spans\":[1,2,{\"x\":null}]},\"extra\":[true,false]"), ok, 1);
            case 1 -> counted("null-optionals", utf8("{\"timestamp\":" + t + ",\"service\":" + q(SERVICE) + ",\"operation\":"
                    + q(OPERATION) + ",\"status\":" + status + ",\"latency_ms\":null,\"count\":null,\"attributes\":null}"), ok, 1);
            case 2 -> counted("epoch-millis", utf8("{\"timestamp\":" + time.toEpochMilli() + ",\"service\":" + q(SERVICE)
                    + ",\"operation\":" + q(OPERATION) + ",\"status\":" + status + ",\"count\":2}"), ok, 2);
            case 3 -> counted("whitespace", utf8(" \n\t{ \"service\" : " + q(SERVICE) + " ,\r\n \"operation\":" + q(OPERATION)
                    + ", \"status\": " + status + ", \"timestamp\": " + t + " }\n "), ok, 1);
            case 4 -> counted("big-unknown-string", json(time, q(SERVICE), q(OPERATION), "" + status, "3", "1",
                    ",\"blob\":\"" + "x".repeat(50_000 + random.nextInt(50_000)) + "\""), ok, 1);
            case 5 -> counted("unicode-attributes", json(time, q(SERVICE), q(OPERATION), "" + status, "3", "1",
                    ",\"attributes\":{\"région\":\"zürich 🚀\",\"emoji\":\"\\ud83d\\ude80\"}"), ok, 1);
            case 6 -> counted("integral-float-status", json(time, q(SERVICE), q(OPERATION), status + ".0", "3", "3e0", ""), ok, 3);
            case 7 -> new FuzzedEvent("hostile-key", false, randomBytes(1 + random.nextInt(2000)),
                    json(time, q(SERVICE), q(OPERATION), "" + status, "3", "1", ""), false, ok ? 1 : 0, ok ? 0 : 1);
            default -> new FuzzedEvent("null-key", false, null,
                    json(time, q(SERVICE), q(OPERATION), "" + status, "0.0", "1", ""), false, ok ? 1 : 0, ok ? 0 : 1);
        };
    }

    private FuzzedEvent notJson() {
        String[] texts = {"", " ", "checkout ok", "<event status=\"200\"/>", "[1,2,3]", "\"a string\"", "42", "null", "true",
                "{", "}", "{]", "{\"timestamp\"}", "{'service':'checkout-api'}", "{service: checkout-api}", "\u0000\u0001",
                "{\"a\":1,}", "{\"latency_ms\":NaN}", "{\"a\":01}", "[{\"timestamp\":\"2026-01-01T00:00:00Z\"}]"};
        if (random.nextInt(4) == 0) {
            return refused("not-json", randomPrintable(1 + random.nextInt(300)));
        }
        return refused("not-json", utf8(texts[random.nextInt(texts.length)]));
    }

    private FuzzedEvent truncated() {
        byte[] whole = valid().value();
        return refused("truncated", Arrays.copyOf(whole, random.nextInt(whole.length)));
    }

    private FuzzedEvent wrongType() {
        Instant time = nextTime();
        String t = q(time.toString());
        String[][] byField = {
                {"timestamp", "true", "{}", "[]", "\"yesterday\"", "1.5", "\"2026-11-23\"", "\"2026-11-23T10:00:00\"", "\"2026-02-30T00:00:00Z\""},
                {"service", "42", "true", "{}", "[\"checkout-api\"]"},
                {"operation", "7", "false", "{\"verb\":\"POST\"}"},
                {"status", "\"200\"", "200.5", "true", "[200]", "{\"code\":200}"},
                {"latency_ms", "\"12\"", "true", "{}", "[1]"},
                {"count", "0", "-1", "1.5", "\"3\"", "[]"},
                {"attributes", "[]", "\"eu\"", "{\"a\":1}", "{\"a\":{\"b\":\"c\"}}", "{\"a\":true}", "{\"\":\"x\"}", "{\"a\":[\"x\"]}"}};
        String[] choice = byField[random.nextInt(byField.length)];
        String field = choice[0];
        String value = choice[1 + random.nextInt(choice.length - 1)];
        return refused("wrong-type", event(t, field, value));
    }

    private FuzzedEvent hugeString() {
        int length = switch (random.nextInt(3)) {
            case 0 -> 257 + random.nextInt(100);
            case 1 -> 1_000 + random.nextInt(10_000);
            default -> 100_000 + random.nextInt(400_000);
        };
        String huge = q(randomLetters(length));
        Instant time = nextTime();
        return switch (random.nextInt(5)) {
            case 0 -> refused("huge-string", json(time, huge, q(OPERATION), "200", "1", "1", ""));
            case 1 -> refused("huge-string", json(time, q(SERVICE), huge, "200", "1", "1", ""));
            case 2 -> refused("huge-string", json(time, q(SERVICE), q(OPERATION), "200", "1", "1",
                    ",\"attributes\":{\"k\":" + q(randomLetters(1025 + random.nextInt(length))) + "}"));
            case 3 -> refused("huge-string", json(time, q(SERVICE), q(OPERATION), "200", "1", "1",
                    ",\"attributes\":{" + q(randomLetters(1025 + random.nextInt(length))) + ":\"v\"}"));
            default -> {
                StringBuilder many = new StringBuilder(",\"attributes\":{");
                int entries = 65 + random.nextInt(500);
                for (int i = 0; i < entries; i++) {
                    many.append(i == 0 ? "" : ",").append("\"a").append(i).append("\":\"v\"");
                }
                yield refused("huge-string", json(time, q(SERVICE), q(OPERATION), "200", "1", "1", many.append('}').toString()));
            }
        };
    }

    private FuzzedEvent deepNesting() {
        int depth = 16 + random.nextInt(random.nextBoolean() ? 20 : 5_000);
        boolean arrays = random.nextBoolean();
        StringBuilder nested = new StringBuilder(depth * 6);
        for (int i = 0; i < depth; i++) {
            nested.append(arrays ? "[" : "{\"n\":");
        }
        nested.append("1");
        for (int i = 0; i < depth; i++) {
            nested.append(arrays ? "]" : "}");
        }
        // the top-level object is level 1: a value nested 16 deep inside it exceeds the limit of 16
        return refused("deep-nesting", json(nextTime(), q(SERVICE), q(OPERATION), "200", "1", "1", ",\"x\":" + nested));
    }

    private FuzzedEvent badLatency() {
        String[] latencies = {"NaN", "Infinity", "-Infinity", "-1", "-0.001", "-1e308", "1e400", "\"NaN\"", "\"Infinity\"", "-9223372036854775809"};
        return refused("bad-latency", json(nextTime(), q(SERVICE), q(OPERATION), "200",
                latencies[random.nextInt(latencies.length)], "1", ""));
    }

    private FuzzedEvent badTimestamp() {
        String[] timestamps = {
                q("1970-01-01T00:00:00Z"), q("1999-12-31T23:59:59Z"), "0", "-1", "-62135596800000",
                Long.toString(wallClock.getEpochSecond()), // epoch seconds by mistake: 1970
                q(wallClock.plus(Duration.ofHours(2)).toString()), q(wallClock.plus(Duration.ofDays(400)).toString()),
                q("2199-12-31T23:59:59Z"), q("2200-01-01T00:00:01Z"), q("9999-12-31T23:59:59Z"), q("+10000-01-01T00:00:00Z"),
                Long.toString(wallClock.plus(Duration.ofDays(3)).toEpochMilli()),
                q(wallClock.minus(Duration.ofDays(40)).toString()), Long.toString(wallClock.minus(Duration.ofDays(365)).toEpochMilli()),
                "99999999999999999999", "1e300"};
        String timestamp = timestamps[random.nextInt(timestamps.length)];
        return refused("bad-timestamp", event(timestamp, "timestamp", timestamp));
    }

    private FuzzedEvent invalidUtf8() {
        byte[][] poisons = {{(byte) 0xff}, {(byte) 0xc0, (byte) 0x80}, {(byte) 0x80}, {(byte) 0xe2, (byte) 0x82},
                {(byte) 0xed, (byte) 0xa0, (byte) 0x80}, {(byte) 0xf8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80},
                {(byte) 0xf4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, {(byte) 0xfe}};
        byte[] poison = poisons[random.nextInt(poisons.length)];
        byte[] event = valid().value();
        // inside the operation's string value, so the record is otherwise a valid event
        int at = indexOf(event, utf8(OPERATION)) + 1 + random.nextInt(OPERATION.length() - 1);
        byte[] bad = new byte[event.length + poison.length];
        System.arraycopy(event, 0, bad, 0, at);
        System.arraycopy(poison, 0, bad, at, poison.length);
        System.arraycopy(event, at, bad, at + poison.length, event.length - at);
        return refused("invalid-utf8", bad);
    }

    private FuzzedEvent nulls() {
        String t = q(nextTime().toString());
        return switch (random.nextInt(6)) {
            case 0 -> refused("null", null);
            case 1 -> refused("null", event(t, "timestamp", "null"));
            case 2 -> refused("null", event(t, "service", "null"));
            case 3 -> refused("null", event(t, "status", "null"));
            case 4 -> refused("null", event(t, "attributes", "{\"a\":null}"));
            default -> refused("null", utf8("{\"timestamp\":null,\"service\":null,\"operation\":null,\"status\":null}"));
        };
    }

    private FuzzedEvent hugeNumber() {
        String t = q(nextTime().toString());
        String[][] choices = {{"status", "1e30"}, {"status", "99999999999999999999"}, {"status", "-99999999999999999999"},
                {"count", "10000000000"}, {"count", "9223372036854775808"}, {"count", "1e19"}, {"latency_ms", "1" + "0".repeat(400)},
                {"status", "2147483848"}, {"count", "1000000001"}};
        String[] choice = choices[random.nextInt(choices.length)];
        return refused("huge-number", event(t, choice[0], choice[1]));
    }

    private FuzzedEvent duplicateKey() {
        Instant time = nextTime();
        String[] duplicates = {",\"status\":200", ",\"timestamp\":" + q(time.toString()), ",\"service\":" + q(SERVICE),
                ",\"st\\u0061tus\":503", ",\"count\":1"};
        return refused("duplicate-key", json(time, q(SERVICE), q(OPERATION), "200", "1", "1",
                duplicates[random.nextInt(duplicates.length)]));
    }

    private FuzzedEvent missingField() {
        String t = q(nextTime().toString());
        String[] fields = {"timestamp", "service", "operation", "status"};
        return refused("missing-field", event(t, fields[random.nextInt(fields.length)], null));
    }

    private FuzzedEvent tooManyFields() {
        StringBuilder extra = new StringBuilder();
        int fields = 60 + random.nextInt(1_000);
        for (int i = 0; i < fields; i++) {
            extra.append(",\"f").append(i).append("\":").append(i);
        }
        return refused("too-many-fields", json(nextTime(), q(SERVICE), q(OPERATION), "200", "1", "1", extra.toString()));
    }

    private FuzzedEvent trailingContent() {
        String[] tails = {"x", "{}", ",", "]", "\"\"", "null", " {\"a\":1}"};
        byte[] event = valid().value();
        byte[] tail = utf8(tails[random.nextInt(tails.length)]);
        byte[] bad = Arrays.copyOf(event, event.length + tail.length);
        System.arraycopy(tail, 0, bad, event.length, tail.length);
        return refused("trailing-content", bad);
    }

    private FuzzedEvent statusOutOfRange() {
        String[] statuses = {"0", "99", "600", "-200", "1000", "-0.5"};
        return refused("status-out-of-range", json(nextTime(), q(SERVICE), q(OPERATION), statuses[random.nextInt(statuses.length)], "1", "1", ""));
    }

    private FuzzedEvent emptyName() {
        return random.nextBoolean()
                ? refused("empty-name", json(nextTime(), q(""), q(OPERATION), "200", "1", "1", ""))
                : refused("empty-name", json(nextTime(), q(SERVICE), q(""), "200", "1", "1", ""));
    }

    private FuzzedEvent hostileHealth() {
        String t = q(nextTime().toString());
        String[] bodies = {
                "{\"timestamp\":" + t + ",\"service\":\"payments\",\"check\":\"db-ping\",\"status\":\"down\"}",
                "{\"timestamp\":" + t + ",\"service\":\"payments\",\"check\":\"db-ping\",\"status\":1}",
                "{\"timestamp\":" + t + ",\"service\":\"payments\",\"status\":\"pass\"}",
                "{\"timestamp\":" + t + ",\"service\":\"payments\",\"check\":\"db-ping\",\"status\":\"pass\",\"target\":7}",
                "{\"timestamp\":" + t + ",\"service\":\"payments\",\"check\":\"db-ping\",\"status\":\"pass\",\"latency_ms\":-5}",
                "not a probe"};
        return FuzzedEvent.refusedHealth("hostile-health", utf8("payments"), utf8(bodies[random.nextInt(bodies.length)]));
    }

    /** An event with every field valid except {@code field}, which is {@code value} (left out when null). */
    private byte[] event(String timestamp, String field, String value) {
        String[][] fields = {{"timestamp", timestamp}, {"service", q(SERVICE)}, {"operation", q(OPERATION)}, {"status", "200"},
                {"latency_ms", "10"}, {"count", "1"}, {"attributes", "{\"region\":\"eu\"}"}};
        StringBuilder json = new StringBuilder("{");
        for (String[] f : fields) {
            String v = f[0].equals(field) ? value : f[1];
            if (v != null) {
                json.append(json.length() == 1 ? "" : ",").append('"').append(f[0]).append("\":").append(v);
            }
        }
        return utf8(json.append('}').toString());
    }

    private static byte[] json(Instant time, String service, String operation, String status, String latency, String count, String more) {
        return utf8("{\"timestamp\":\"" + time + "\",\"service\":" + service + ",\"operation\":" + operation + ",\"status\":" + status
                + ",\"latency_ms\":" + latency + ",\"count\":" + count + more + "}");
    }

    private FuzzedEvent counted(String kind, byte[] value, boolean ok, long units) {
        return FuzzedEvent.counted(kind, utf8(SERVICE), value, ok ? units : 0, ok ? 0 : units);
    }

    private FuzzedEvent refused(String kind, byte[] value) {
        return FuzzedEvent.refusedRequest(kind, random.nextInt(10) == 0 ? null : utf8(SERVICE), value);
    }

    private Instant nextTime() {
        cursor = cursor.plus(step);
        return cursor;
    }

    private byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    private byte[] randomPrintable(int length) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) (0x20 + random.nextInt(0x5f));
        }
        // only a record whose first non-blank byte is '{' could by chance be a valid object
        if (bytes[0] == '{' || bytes[0] == ' ') {
            bytes[0] = '<';
        }
        return bytes;
    }

    private String randomLetters(int length) {
        char[] chars = new char[length];
        for (int i = 0; i < length; i++) {
            chars[i] = (char) ('a' + random.nextInt(26));
        }
        return new String(chars);
    }

    private static String q(String text) {
        return "\"" + text + "\"";
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new IllegalStateException("needle not found");
    }
}
