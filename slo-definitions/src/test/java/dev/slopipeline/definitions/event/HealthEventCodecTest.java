package dev.slopipeline.definitions.event;

import dev.slopipeline.kit.result.Decoded;

import static dev.slopipeline.definitions.event.Samples.HEALTH_BASE;
import static dev.slopipeline.definitions.event.Samples.object;
import static dev.slopipeline.definitions.event.Samples.repeat;
import static dev.slopipeline.definitions.event.Samples.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class HealthEventCodecTest {

    private static final EventCodec CODEC = new EventCodec();
    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
    private static final double NONE = RequestEvent.NO_LATENCY;

    record Good(String name, String json, HealthEvent expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** As in {@link RequestEventCodecTest.Bad}. */
    record Bad(String name, String json, String reason, boolean schemaRefuses) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static HealthEvent dbPing(HealthStatus status, double latencyMs, String target, Map<String, String> attributes) {
        return new HealthEvent(T0, "payments", "db-ping", status, latencyMs, target, attributes);
    }

    static Stream<Good> good() {
        return Stream.of(
                new Good("the example from the design",
                        object("'timestamp':'2026-11-23T10:00:00Z','service':'payments','check':'synthetic-login',"
                                + "'status':'pass','latency_ms':120,'target':'host-7','attributes':{}"),
                        new HealthEvent(T0, "payments", "synthetic-login", HealthStatus.PASS, 120.0, "host-7", Map.of())),
                new Good("required fields only", object(HEALTH_BASE), dbPing(HealthStatus.FAIL, NONE, null, Map.of())),
                new Good("warn, epoch milliseconds, attributes",
                        object("'timestamp':1795428000000,'service':'payments','check':'db-ping','status':'warn',"
                                + "'attributes':{'db':'primary'}"),
                        dbPing(HealthStatus.WARN, NONE, null, Map.of("db", "primary"))),
                new Good("null optional fields are absent",
                        object(HEALTH_BASE + ",'latency_ms':null,'target':null,'attributes':null"),
                        dbPing(HealthStatus.FAIL, NONE, null, Map.of())),
                new Good("unknown fields are ignored",
                        object(HEALTH_BASE + ",'region':'eu','probe':{'id':7}"),
                        dbPing(HealthStatus.FAIL, NONE, null, Map.of())),
                new Good("fractional latency and a target",
                        object(HEALTH_BASE + ",'latency_ms':0.25,'target':'db-1'"),
                        dbPing(HealthStatus.FAIL, 0.25, "db-1", Map.of())));
    }

    static Stream<Bad> bad() {
        String prefix = "'timestamp':'2026-11-23T10:00:00Z','service':'payments','check':'db-ping'";
        return Stream.of(
                new Bad("status in upper case", object(prefix + ",'status':'PASS'"),
                        "field \"status\": expected one of \"pass\", \"warn\", \"fail\", got string \"PASS\"", true),
                new Bad("status unknown", object(prefix + ",'status':'ok'"),
                        "field \"status\": expected one of \"pass\", \"warn\", \"fail\", got string \"ok\"", true),
                new Bad("status as a number", object(prefix + ",'status':1"),
                        "field \"status\": expected one of \"pass\", \"warn\", \"fail\", got number 1", true),
                new Bad("no status", object(prefix), "field \"status\" is required", true),
                new Bad("no check", object("'timestamp':'2026-11-23T10:00:00Z','service':'payments','status':'pass'"),
                        "field \"check\" is required", true),
                new Bad("empty check", object("'timestamp':'2026-11-23T10:00:00Z','service':'payments','check':'','status':'pass'"),
                        "field \"check\": must not be empty", true),
                new Bad("check too long",
                        object("'timestamp':'2026-11-23T10:00:00Z','service':'payments','check':'" + repeat('c', 257)
                                + "','status':'pass'"),
                        "field \"check\": longer than 256 characters", true),
                new Bad("target as a number", object(HEALTH_BASE + ",'target':7"),
                        "field \"target\": expected a string, got number 7", true),
                new Bad("empty target", object(HEALTH_BASE + ",'target':''"), "field \"target\": must not be empty", true),
                new Bad("target too long", object(HEALTH_BASE + ",'target':'" + repeat('t', 257) + "'"),
                        "field \"target\": longer than 256 characters", true),
                new Bad("negative latency", object(HEALTH_BASE + ",'latency_ms':-0.5"),
                        "field \"latency_ms\": -0.5 is negative", true),
                new Bad("timestamp before 2000", object(HEALTH_BASE.replace("2026-11-23", "1970-01-01")),
                        "field \"timestamp\": \"1970-01-01T10:00:00Z\" is before 2000-01-01T00:00:00Z", true),
                new Bad("attribute value a number", object(HEALTH_BASE + ",'attributes':{'db':1}"),
                        "field \"attributes.db\": expected a string, got number 1", true),
                new Bad("a repeated field", object(HEALTH_BASE + ",'check':'other'"), "duplicate field \"check\"", false),
                new Bad("a request event", object(Samples.REQUEST_BASE),
                        "field \"status\": expected one of \"pass\", \"warn\", \"fail\", got number 503", true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("good")
    void decodesGoodRecords(Good row) {
        assertThat(CODEC.decodeHealth(utf8(row.json()))).isEqualTo(new Decoded.Ok<>(row.expected()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("good")
    void goodRecordsValidateAgainstTheSchema(Good row) {
        assertThat(JsonSchemas.errors(JsonSchemas.HEALTH, row.json())).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bad")
    void refusesBadRecordsWithAReason(Bad row) {
        assertThat(CODEC.decodeHealth(utf8(row.json()))).isEqualTo(new Decoded.Invalid<>(row.reason()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bad")
    void theSchemaRefusesWhatItCanExpress(Bad row) {
        if (row.schemaRefuses()) {
            assertThat(JsonSchemas.errors(JsonSchemas.HEALTH, row.json())).isNotEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("good")
    void roundTrips(Good row) {
        byte[] encoded = CODEC.encode(row.expected());
        assertThat(CODEC.decodeHealth(encoded)).isEqualTo(new Decoded.Ok<>(row.expected()));
        assertThat(JsonSchemas.errors(JsonSchemas.HEALTH, new String(encoded, StandardCharsets.UTF_8))).isEmpty();
    }

    @Test
    void encodesInContractOrder() {
        HealthEvent event = new HealthEvent(Instant.parse("2026-11-23T10:00:00.5Z"), "payments", "synthetic-login",
                HealthStatus.WARN, 120.0, "host-7", Map.of("region", "eu"));
        assertThat(new String(CODEC.encode(event), StandardCharsets.UTF_8)).isEqualTo(object(
                "'timestamp':'2026-11-23T10:00:00.500Z','service':'payments','check':'synthetic-login','status':'warn',"
                        + "'latency_ms':120.0,'target':'host-7','attributes':{'region':'eu'}"));
    }

    @ParameterizedTest
    @EnumSource(HealthStatus.class)
    void statusWireNamesAreLowerCaseAndRoundTrip(HealthStatus status) {
        assertThat(status.wireName()).isEqualTo(status.name().toLowerCase(Locale.ROOT));
        assertThat(HealthStatus.fromWire(status.wireName())).isSameAs(status);
        assertThat(HealthStatus.fromWire(status.name())).isNull();
    }
}
