package dev.slopipeline.definitions.event;

import dev.slopipeline.kit.result.Decoded;

import static dev.slopipeline.definitions.event.Samples.REQUEST_BASE;
import static dev.slopipeline.definitions.event.Samples.members;
import static dev.slopipeline.definitions.event.Samples.nested;
import static dev.slopipeline.definitions.event.Samples.object;
import static dev.slopipeline.definitions.event.Samples.repeat;
import static dev.slopipeline.definitions.event.Samples.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class RequestEventCodecTest {

    private static final EventCodec CODEC = new EventCodec();
    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
    private static final double NONE = RequestEvent.NO_LATENCY;

    /** A record the codec accepts and what it decodes to; every one also validates against the schema. */
    record Good(String name, String json, RequestEvent expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    /**
     * A record the codec refuses, with the exact reason. {@code schemaRefuses} is false for rules
     * a JSON Schema cannot express (syntax, repeated names, depth, trailing content).
     */
    record Bad(String name, String json, String reason, boolean schemaRefuses) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static RequestEvent event(Instant at, int status, double latencyMs, long count, Map<String, String> attributes) {
        return new RequestEvent(at, "checkout-api", "POST /checkout", status, latencyMs, count, attributes);
    }

    static Stream<Good> good() {
        Map<String, String> sixtyFour = new HashMap<>();
        for (int i = 0; i < 64; i++) {
            sixtyFour.put("k" + i, "v");
        }
        return Stream.of(
                new Good("the example from the design",
                        object("'timestamp':'2026-11-23T10:00:00.123Z','service':'checkout-api',"
                                + "'operation':'POST /checkout','status':503,'latency_ms':812.5,'count':1,"
                                + "'attributes':{'region':'eu'}"),
                        event(Instant.parse("2026-11-23T10:00:00.123Z"), 503, 812.5, 1, Map.of("region", "eu"))),
                new Good("required fields only", object(REQUEST_BASE), event(T0, 503, NONE, 1, Map.of())),
                new Good("fields in any order",
                        object("'status':200,'operation':'POST /checkout','count':3,'service':'checkout-api',"
                                + "'timestamp':'2026-11-23T10:00:00Z'"),
                        event(T0, 200, NONE, 3, Map.of())),
                new Good("epoch milliseconds",
                        object("'timestamp':1795428000123,'service':'checkout-api','operation':'POST /checkout','status':200"),
                        event(Instant.parse("2026-11-23T10:00:00.123Z"), 200, NONE, 1, Map.of())),
                new Good("epoch milliseconds written with an exponent",
                        object("'timestamp':1.795428e12,'service':'checkout-api','operation':'POST /checkout','status':200"),
                        event(Instant.ofEpochMilli(1_795_428_000_000L), 200, NONE, 1, Map.of())),
                new Good("positive offset",
                        object("'timestamp':'2026-11-23T11:00:00+01:00','service':'checkout-api','operation':'POST /checkout','status':200"),
                        event(T0, 200, NONE, 1, Map.of())),
                new Good("negative offset across midnight",
                        object("'timestamp':'2026-11-22T23:30:00-10:30','service':'checkout-api','operation':'POST /checkout','status':200"),
                        event(T0, 200, NONE, 1, Map.of())),
                new Good("one fraction digit",
                        object("'timestamp':'2026-11-23T10:00:00.5Z','service':'checkout-api','operation':'POST /checkout','status':200"),
                        event(T0.plusMillis(500), 200, NONE, 1, Map.of())),
                new Good("nanoseconds",
                        object("'timestamp':'2026-11-23T10:00:00.000000001Z','service':'checkout-api','operation':'POST /checkout','status':200"),
                        event(T0.plusNanos(1), 200, NONE, 1, Map.of())),
                new Good("leap day",
                        object("'timestamp':'2028-02-29T00:00:00Z','service':'checkout-api','operation':'POST /checkout','status':200"),
                        event(Instant.parse("2028-02-29T00:00:00Z"), 200, NONE, 1, Map.of())),
                new Good("earliest accepted instant",
                        object("'timestamp':946684800000,'service':'checkout-api','operation':'POST /checkout','status':200"),
                        event(EventCodec.EARLIEST, 200, NONE, 1, Map.of())),
                new Good("latest accepted instant",
                        object("'timestamp':'2200-01-01T00:00:00Z','service':'checkout-api','operation':'POST /checkout','status':200"),
                        event(EventCodec.LATEST, 200, NONE, 1, Map.of())),
                new Good("null optional fields are absent",
                        object(REQUEST_BASE + ",'latency_ms':null,'count':null,'attributes':null"),
                        event(T0, 503, NONE, 1, Map.of())),
                new Good("integer latency, batch count",
                        object(REQUEST_BASE + ",'latency_ms':120,'count':1000"),
                        event(T0, 503, 120.0, 1000, Map.of())),
                new Good("zero latency", object(REQUEST_BASE + ",'latency_ms':0"), event(T0, 503, 0.0, 1, Map.of())),
                new Good("integral numbers written as decimals",
                        object("'timestamp':'2026-11-23T10:00:00Z','service':'checkout-api','operation':'POST /checkout',"
                                + "'status':503.0,'count':2e0"),
                        event(T0, 503, NONE, 2, Map.of())),
                new Good("status bounds", object(REQUEST_BASE.replace("503", "100")), event(T0, 100, NONE, 1, Map.of())),
                new Good("largest count", object(REQUEST_BASE + ",'count':1000000000"),
                        event(T0, 503, NONE, 1_000_000_000L, Map.of())),
                new Good("empty attributes", object(REQUEST_BASE + ",'attributes':{}"), event(T0, 503, NONE, 1, Map.of())),
                new Good("64 attributes, empty value allowed",
                        object(REQUEST_BASE + ",'attributes':{" + members("k", 63) + ",'k63':''}"),
                        event(T0, 503, NONE, 1, withValue(sixtyFour, "k63", ""))),
                new Good("unknown fields of every shape are ignored",
                        object(REQUEST_BASE + ",'trace_id':'abc','sampled':true,'weight':0.5,'none':null,"
                                + "'ext':{'a':[1,{'b':null}]},'tags':['x']"),
                        event(T0, 503, NONE, 1, Map.of())),
                new Good("unknown field nested to the depth limit",
                        object(REQUEST_BASE + ",'ext':" + nested(15)),
                        event(T0, 503, NONE, 1, Map.of())),
                new Good("64 fields", object(REQUEST_BASE + "," + members("x", 60)), event(T0, 503, NONE, 1, Map.of())),
                new Good("names at the length limit, counted in code points",
                        object("'timestamp':'2026-11-23T10:00:00Z','service':'" + repeat('s', 256) + "','operation':'"
                                + "\uD83D\uDED2".repeat(256) + "','status':200"),
                        new RequestEvent(T0, repeat('s', 256), "\uD83D\uDED2".repeat(256), 200, NONE, 1, Map.of())),
                new Good("escapes and non-ASCII text",
                        object("'timestamp':'2026-11-23T10:00:00Z','service':'caf\u00e9','operation':'GET /a\\'b\\u00e9',"
                                + "'status':200,'attributes':{'emoji':'\uD83D\uDE80'}"),
                        new RequestEvent(T0, "caf\u00e9", "GET /a\"b\u00e9", 200, NONE, 1, Map.of("emoji", "\uD83D\uDE80"))),
                new Good("surrounding whitespace",
                        " \n\t" + object(REQUEST_BASE) + "\r\n ",
                        event(T0, 503, NONE, 1, Map.of())));
    }

    private static Map<String, String> withValue(Map<String, String> map, String key, String value) {
        Map<String, String> copy = new HashMap<>(map);
        copy.put(key, value);
        return copy;
    }

    static Stream<Bad> bad() {
        String atT0 = "'timestamp':'2026-11-23T10:00:00Z'";
        String names = "'service':'checkout-api','operation':'POST /checkout'";
        return Stream.of(
                // syntax and shape
                new Bad("not JSON", "{\"status\":x}",
                        "not JSON: Unrecognized token 'x': was expecting (JSON String, Number, Array, Object or token "
                                + "'null', 'true' or 'false') at line 1 column 11", false),
                new Bad("single quotes are not JSON", "{'status':503}",
                        "not JSON: Unexpected character (''' (code 39)): was expecting double-quote to start field name"
                                + " at line 1 column 2", false),
                new Bad("NaN is not JSON", object(REQUEST_BASE + ",'latency_ms':NaN"),
                        "not JSON: Non-standard token 'NaN': enable `JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS` to allow"
                                + " at line 1 column 120", false),
                new Bad("cut off", "{\"status\":503",
                        "not JSON: Unexpected end-of-input: expected close marker for Object (start marker at "
                                + "[Source: REDACTED (`StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION` disabled); line: 1, "
                                + "column: 1]) at line 1 column 14", false),
                new Bad("empty", "", "not JSON: empty record", false),
                new Bad("only whitespace", " \n ", "not JSON: empty record", false),
                new Bad("an array", "[1]", "expected a JSON object, got an array", true),
                new Bad("a string", "\"event\"", "expected a JSON object, got string \"event\"", true),
                new Bad("null", "null", "expected a JSON object, got null", true),
                new Bad("a second object", object(REQUEST_BASE) + " {}", "trailing content after the JSON object", false),
                new Bad("trailing garbage", object(REQUEST_BASE) + "x", "trailing content after the JSON object", false),
                new Bad("a repeated field", object(REQUEST_BASE + ",'status':200"), "duplicate field \"status\"", false),
                new Bad("a repeated unknown field", object(REQUEST_BASE + ",'x':1,'x':2"), "duplicate field \"x\"", false),
                new Bad("a repeated field, once null", object(REQUEST_BASE + ",'count':null,'count':2"),
                        "duplicate field \"count\"", false),
                new Bad("too many fields", object(REQUEST_BASE + "," + members("x", 61)), "more than 64 fields", true),
                new Bad("nested too deep", object(REQUEST_BASE + ",'ext':" + nested(16)),
                        "field \"ext\": nested deeper than 16 levels", false),
                // required fields
                new Bad("no timestamp", object(names + ",'status':503"), "field \"timestamp\" is required", true),
                new Bad("no service", object(atT0 + ",'operation':'POST /checkout','status':503"),
                        "field \"service\" is required", true),
                new Bad("no operation", object(atT0 + ",'service':'checkout-api','status':503"),
                        "field \"operation\" is required", true),
                new Bad("no status", object(atT0 + "," + names), "field \"status\" is required", true),
                new Bad("null status", object(atT0 + "," + names + ",'status':null"), "field \"status\" is required", true),
                new Bad("empty object", "{}", "field \"timestamp\" is required", true),
                // types
                new Bad("status as a string", object(atT0 + "," + names + ",'status':'abc'"),
                        "field \"status\": expected an integer, got string \"abc\"", true),
                new Bad("status with a fraction", object(atT0 + "," + names + ",'status':503.5"),
                        "field \"status\": expected an integer, got number 503.5", true),
                new Bad("service as a number", object(atT0 + ",'service':42,'operation':'x','status':503"),
                        "field \"service\": expected a string, got number 42", true),
                new Bad("operation as an object", object(atT0 + ",'service':'a','operation':{},'status':503"),
                        "field \"operation\": expected a string, got an object", true),
                new Bad("latency as a string", object(REQUEST_BASE + ",'latency_ms':'812'"),
                        "field \"latency_ms\": expected a number, got string \"812\"", true),
                new Bad("count as a boolean", object(REQUEST_BASE + ",'count':true"),
                        "field \"count\": expected an integer, got true", true),
                new Bad("attributes as an array", object(REQUEST_BASE + ",'attributes':['eu']"),
                        "field \"attributes\": expected an object, got an array", true),
                new Bad("attribute value a number", object(REQUEST_BASE + ",'attributes':{'region':5}"),
                        "field \"attributes.region\": expected a string, got number 5", true),
                new Bad("attribute value null", object(REQUEST_BASE + ",'attributes':{'region':null}"),
                        "field \"attributes.region\": expected a string, got null", true),
                new Bad("attribute value an object", object(REQUEST_BASE + ",'attributes':{'region':{'name':'eu'}}"),
                        "field \"attributes.region\": expected a string, got an object", true),
                new Bad("a repeated attribute", object(REQUEST_BASE + ",'attributes':{'region':'eu','region':'us'}"),
                        "duplicate field \"attributes.region\"", false),
                new Bad("an attribute repeated after others", object(REQUEST_BASE + ",'attributes':{'a':'1','b':'2','c':'3','a':'4'}"),
                        "duplicate field \"attributes.a\"", false),
                // timestamps
                new Bad("timestamp in words", object("'timestamp':'yesterday'," + names + ",'status':503"),
                        "field \"timestamp\": expected an ISO-8601 date-time with offset, e.g. \"2026-11-23T10:00:00Z\","
                                + " got string \"yesterday\"", true),
                new Bad("timestamp without offset", object("'timestamp':'2026-11-23T10:00:00'," + names + ",'status':503"),
                        "field \"timestamp\": expected an ISO-8601 date-time with offset, e.g. \"2026-11-23T10:00:00Z\","
                                + " got string \"2026-11-23T10:00:00\"", true),
                new Bad("timestamp without seconds", object("'timestamp':'2026-11-23T10:00Z'," + names + ",'status':503"),
                        "field \"timestamp\": expected an ISO-8601 date-time with offset, e.g. \"2026-11-23T10:00:00Z\","
                                + " got string \"2026-11-23T10:00Z\"", true),
                new Bad("timestamp on February 30th", object("'timestamp':'2026-02-30T10:00:00Z'," + names + ",'status':503"),
                        "field \"timestamp\": expected an ISO-8601 date-time with offset, e.g. \"2026-11-23T10:00:00Z\","
                                + " got string \"2026-02-30T10:00:00Z\"", true),
                new Bad("timestamp at hour 24", object("'timestamp':'2026-11-23T24:00:00Z'," + names + ",'status':503"),
                        "field \"timestamp\": expected an ISO-8601 date-time with offset, e.g. \"2026-11-23T10:00:00Z\","
                                + " got string \"2026-11-23T24:00:00Z\"", true),
                new Bad("timestamp with ten fraction digits",
                        object("'timestamp':'2026-11-23T10:00:00.0000000001Z'," + names + ",'status':503"),
                        "field \"timestamp\": expected an ISO-8601 date-time with offset, e.g. \"2026-11-23T10:00:00Z\","
                                + " got string \"2026-11-23T10:00:00.0000000001Z\"", true),
                new Bad("timestamp with lower-case zone", object("'timestamp':'2026-11-23T10:00:00z'," + names + ",'status':503"),
                        "field \"timestamp\": expected an ISO-8601 date-time with offset, e.g. \"2026-11-23T10:00:00Z\","
                                + " got string \"2026-11-23T10:00:00z\"", true),
                new Bad("timestamp as a boolean", object("'timestamp':true," + names + ",'status':503"),
                        "field \"timestamp\": expected an ISO-8601 string or epoch milliseconds, got true", true),
                new Bad("timestamp with fractional milliseconds", object("'timestamp':1795428000123.5," + names + ",'status':503"),
                        "field \"timestamp\": expected an ISO-8601 string or epoch milliseconds, got number 1795428000123.5",
                        true),
                new Bad("timestamp before 2000", object("'timestamp':'1999-12-31T23:59:59Z'," + names + ",'status':503"),
                        "field \"timestamp\": \"1999-12-31T23:59:59Z\" is before 2000-01-01T00:00:00Z", true),
                new Bad("timestamp after 2200", object("'timestamp':'2200-01-01T00:00:00.001Z'," + names + ",'status':503"),
                        "field \"timestamp\": \"2200-01-01T00:00:00.001Z\" is after 2200-01-01T00:00:00Z", true),
                new Bad("epoch zero", object("'timestamp':0," + names + ",'status':503"),
                        "field \"timestamp\": 0 is before 2000-01-01T00:00:00Z", true),
                new Bad("epoch seconds", object("'timestamp':1795428000," + names + ",'status':503"),
                        "field \"timestamp\": 1795428000 is before 2000-01-01T00:00:00Z"
                                + " (epoch seconds? the field takes epoch milliseconds)", true),
                new Bad("epoch microseconds", object("'timestamp':1795428000123456," + names + ",'status':503"),
                        "field \"timestamp\": 1795428000123456 is after 2200-01-01T00:00:00Z", true),
                new Bad("timestamp beyond a long", object("'timestamp':99999999999999999999," + names + ",'status':503"),
                        "field \"timestamp\": 99999999999999999999 is after 2200-01-01T00:00:00Z", true),
                // ranges
                new Bad("status below 100", object(atT0 + "," + names + ",'status':99"),
                        "field \"status\": 99 is outside 100..599", true),
                new Bad("status above 599", object(atT0 + "," + names + ",'status':600"),
                        "field \"status\": 600 is outside 100..599", true),
                new Bad("status far out of range", object(atT0 + "," + names + ",'status':1e30"),
                        "field \"status\": 1e30 is outside 100..599", true),
                new Bad("negative latency", object(REQUEST_BASE + ",'latency_ms':-1.5"),
                        "field \"latency_ms\": -1.5 is negative", true),
                new Bad("latency beyond a double", object(REQUEST_BASE + ",'latency_ms':1e400"),
                        "field \"latency_ms\": 1e400 is too large", false),
                new Bad("count zero", object(REQUEST_BASE + ",'count':0"),
                        "field \"count\": 0 is outside 1..1000000000", true),
                new Bad("negative count", object(REQUEST_BASE + ",'count':-5"),
                        "field \"count\": -5 is outside 1..1000000000", true),
                new Bad("absurd count", object(REQUEST_BASE + ",'count':1000000001"),
                        "field \"count\": 1000000001 is outside 1..1000000000", true),
                // lengths and sizes
                new Bad("empty service", object(atT0 + ",'service':'','operation':'x','status':503"),
                        "field \"service\": must not be empty", true),
                new Bad("empty operation", object(atT0 + ",'service':'a','operation':'','status':503"),
                        "field \"operation\": must not be empty", true),
                new Bad("service too long", object(atT0 + ",'service':'" + repeat('s', 257) + "','operation':'x','status':503"),
                        "field \"service\": longer than 256 characters", true),
                new Bad("operation too long, in code points",
                        object(atT0 + ",'service':'a','operation':'" + "\uD83D\uDED2".repeat(257) + "','status':503"),
                        "field \"operation\": longer than 256 characters", true),
                new Bad("too many attributes", object(REQUEST_BASE + ",'attributes':{" + members("k", 65) + "}"),
                        "field \"attributes\": more than 64 entries", true),
                new Bad("empty attribute key", object(REQUEST_BASE + ",'attributes':{'':'v'}"),
                        "field \"attributes\": empty key", true),
                new Bad("attribute key too long", object(REQUEST_BASE + ",'attributes':{'" + repeat('k', 1025) + "':'v'}"),
                        "field \"attributes\": key longer than 1024 characters", true),
                new Bad("attribute value too long", object(REQUEST_BASE + ",'attributes':{'k':'" + repeat('v', 1025) + "'}"),
                        "field \"attributes.k\": longer than 1024 characters", true),
                // how reasons echo values
                new Bad("a long value is cut", object(atT0 + "," + names + ",'status':'" + repeat('9', 100) + "'"),
                        "field \"status\": expected an integer, got string \"" + repeat('9', 64) + "...\"", true),
                new Bad("an echoed value is escaped", object(atT0 + "," + names + ",'status':'a\\'\\n'"),
                        "field \"status\": expected an integer, got string \"a\\\"\\n\"", true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("good")
    void decodesGoodRecords(Good row) {
        assertThat(CODEC.decodeRequest(utf8(row.json()))).isEqualTo(new Decoded.Ok<>(row.expected()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("good")
    void goodRecordsValidateAgainstTheSchema(Good row) {
        assertThat(JsonSchemas.errors(JsonSchemas.REQUEST, row.json())).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bad")
    void refusesBadRecordsWithAReason(Bad row) {
        assertThat(CODEC.decodeRequest(utf8(row.json()))).isEqualTo(new Decoded.Invalid<>(row.reason()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bad")
    void theSchemaRefusesWhatItCanExpress(Bad row) {
        if (row.schemaRefuses()) {
            assertThat(JsonSchemas.errors(JsonSchemas.REQUEST, row.json())).isNotEmpty();
        }
    }

    @Test
    void aUtf8ByteOrderMarkIsTolerated() {
        byte[] withBom = ("\uFEFF" + object(REQUEST_BASE)).getBytes(StandardCharsets.UTF_8);
        assertThat(CODEC.decodeRequest(withBom)).isEqualTo(new Decoded.Ok<>(event(T0, 503, NONE, 1, Map.of())));
    }

    @Test
    void refusesInvalidUtf8WithItsOffset() {
        byte[] json = utf8(object(REQUEST_BASE + ",'attributes':{'region':'eu'}"));
        int at = indexOf(json, (byte) 'e', json.length - 6);
        json[at] = (byte) 0xFF;
        assertThat(CODEC.decodeRequest(json))
                .isEqualTo(new Decoded.Invalid<>("not UTF-8: invalid byte sequence at offset " + at));
    }

    @Test
    void refusesUtf16() {
        byte[] json = object(REQUEST_BASE).getBytes(StandardCharsets.UTF_16LE);
        assertThat(CODEC.decodeRequest(json)).isEqualTo(new Decoded.Invalid<>("not JSON: NUL byte at offset 1"));
    }

    @Test
    void encodesInContractOrder() {
        RequestEvent event = new RequestEvent(Instant.parse("2026-11-23T10:00:00.123Z"), "checkout-api",
                "POST /checkout", 503, 812.5, 1, Map.of("zone", "b", "region", "eu"));
        assertThat(new String(CODEC.encode(event), StandardCharsets.UTF_8)).isEqualTo(object(
                "'timestamp':'2026-11-23T10:00:00.123Z','service':'checkout-api','operation':'POST /checkout',"
                        + "'status':503,'latency_ms':812.5,'count':1,'attributes':{'region':'eu','zone':'b'}"));
    }

    @Test
    void encodingLeavesOutAbsentParts() {
        RequestEvent event = new RequestEvent(T0, "a", "b", 200, NONE, 7, Map.of());
        assertThat(new String(CODEC.encode(event), StandardCharsets.UTF_8))
                .isEqualTo(object("'timestamp':'2026-11-23T10:00:00Z','service':'a','operation':'b','status':200,'count':7"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("good")
    void roundTrips(Good row) {
        byte[] encoded = CODEC.encode(row.expected());
        assertThat(CODEC.decodeRequest(encoded)).isEqualTo(new Decoded.Ok<>(row.expected()));
        assertThat(JsonSchemas.errors(JsonSchemas.REQUEST, new String(encoded, StandardCharsets.UTF_8))).isEmpty();
    }

    @Test
    void absentLatencyIsNaNAndStillEqual() {
        RequestEvent event = event(T0, 503, NONE, 1, null);
        assertThat(event.hasLatency()).isFalse();
        assertThat(event.attributes()).isEmpty();
        assertThat(event).isEqualTo(event(T0, 503, Double.NaN, 1, Map.of()));
    }

    private static int indexOf(byte[] bytes, byte wanted, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == wanted) {
                return i;
            }
        }
        throw new AssertionError("not found");
    }
}
