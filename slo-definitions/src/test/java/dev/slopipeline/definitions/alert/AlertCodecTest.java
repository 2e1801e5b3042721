package dev.slopipeline.definitions.alert;

import dev.slopipeline.definitions.model.Severity;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slopipeline.kit.result.Decoded;
import dev.slopipeline.definitions.event.HealthStatus;
import dev.slopipeline.definitions.event.JsonSchemas;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class AlertCodecTest {

    private static final AlertCodec CODEC = new AlertCodec();
    private static final Instant FIRED = Instant.parse("2026-11-23T10:04:00Z");
    private static final Alert.Windows FAST = new Alert.Windows(Duration.ofHours(1), Duration.ofMinutes(5));

    /** Every part set, maps in a deliberate non-alphabetical order. */
    static final Alert FULL = new Alert(
            Alert.id("checkout-availability", Severity.PAGE, FIRED),
            "checkout-availability", "storefront", "checkout",
            Severity.PAGE, AlertState.FIRING, FIRED, FIRED,
            FAST, new Alert.BurnRate(20.1, 35.2), 14.4, List.of("page-fast", "page-slow"),
            0.83, Instant.parse("2026-11-24T01:30:00.250Z"),
            ordered("team", "payments", "tier", "1"),
            ordered("summary", "Users cannot check out", "runbook", "https://runbooks.example/storefront",
                    "description", "Checkout errors burn the 30d budget 20x too fast"),
            List.of(new Alert.Contributor("payments", "POST /charge", 812),
                    new Alert.Contributor("checkout-api", "POST /checkout", 40)),
            List.of(new Alert.Context("payments", "db-ping", HealthStatus.FAIL, "db-1", Instant.parse("2026-11-23T10:03:30Z")),
                    new Alert.Context("payments", "synthetic-login", HealthStatus.WARN, null, null)));

    /** The fewest parts an alert can have: a resolution of an SLO without a journey. */
    static final Alert MINIMAL = new Alert(
            Alert.id("search-latency", Severity.TICKET, FIRED),
            "search-latency", "search", null,
            Severity.TICKET, AlertState.RESOLVED, Instant.parse("2026-11-23T13:00:00Z"), FIRED,
            new Alert.Windows(Duration.ofDays(3), Duration.ofHours(6)), new Alert.BurnRate(0.4, 0.0), 1.0, List.of(),
            -0.25, null, null, null, null, null);

    /** Instants with sub-second parts, the canonical odd windows, a notify severity. */
    static final Alert PRECISE = new Alert(
            "custom-id", "s", "svc", "j", Severity.NOTIFY, AlertState.FIRING,
            Instant.parse("2026-11-23T10:04:00.000001Z"), Instant.parse("2026-11-23T10:04:00.000000001Z"),
            new Alert.Windows(Duration.ofMinutes(90), Duration.ofMinutes(7)), new Alert.BurnRate(1e-5, 123456.789), 0.5,
            List.of("notify"), 1.0, Instant.parse("2026-12-01T00:00:00.123Z"),
            Map.of("k", "v"), Map.of(), List.of(new Alert.Contributor("a", "b", 0)), List.of());

    private static Map<String, String> ordered(String... keysAndValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    private static String text(byte[] utf8) {
        return new String(utf8, StandardCharsets.UTF_8);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void encodesTheFullAlertExactly() {
        String expected = """
                {"id":"checkout-availability/page/2026-11-23T10:04:00Z",\
                "slo":"checkout-availability",\
                "service":"storefront",\
                "journey":"checkout",\
                "severity":"page",\
                "state":"firing",\
                "at":"2026-11-23T10:04:00Z",\
                "startedAt":"2026-11-23T10:04:00Z",\
                "windows":{"long":"1h","short":"5m"},\
                "burnRate":{"long":20.1,"short":35.2},\
                "threshold":14.4,\
                "pairs":["page-fast","page-slow"],\
                "budgetRemaining":0.83,\
                "exhaustionAt":"2026-11-24T01:30:00.250Z",\
                "labels":{"team":"payments","tier":"1"},\
                "annotations":{"summary":"Users cannot check out","runbook":"https://runbooks.example/storefront",\
                "description":"Checkout errors burn the 30d budget 20x too fast"},\
                "contributors":[{"service":"payments","operation":"POST /charge","bad":812},\
                {"service":"checkout-api","operation":"POST /checkout","bad":40}],\
                "context":[{"service":"payments","check":"db-ping","status":"fail","target":"db-1","at":"2026-11-23T10:03:30Z"},\
                {"service":"payments","check":"synthetic-login","status":"warn"}]}""";
        assertThat(text(CODEC.encode(FULL))).isEqualTo(expected);
    }

    @Test
    void encodesTheMinimalAlertExactly() {
        assertThat(text(CODEC.encode(MINIMAL))).isEqualTo("""
                {"id":"search-latency/ticket/2026-11-23T10:04:00Z","slo":"search-latency","service":"search",\
                "severity":"ticket","state":"resolved","at":"2026-11-23T13:00:00Z","startedAt":"2026-11-23T10:04:00Z",\
                "windows":{"long":"3d","short":"6h"},"burnRate":{"long":0.4,"short":0.0},"threshold":1.0,"pairs":[],\
                "budgetRemaining":-0.25,"labels":{},"annotations":{},"contributors":[],"context":[]}""");
    }

    static Stream<Alert> alerts() {
        return Stream.of(FULL, MINIMAL, PRECISE);
    }

    @ParameterizedTest
    @MethodSource("alerts")
    void roundTripsExactly(Alert alert) {
        byte[] encoded = CODEC.encode(alert);
        Decoded<Alert> decoded = CODEC.decode(encoded);
        assertThat(decoded).isEqualTo(new Decoded.Ok<>(alert));
        Alert back = ((Decoded.Ok<Alert>) decoded).value();
        assertThat(CODEC.encode(back)).isEqualTo(encoded); // map order survives too
    }

    @ParameterizedTest
    @MethodSource("alerts")
    void everyEncodedAlertValidatesAgainstTheSchema(Alert alert) {
        assertThat(JsonSchemas.errors(JsonSchemas.ALERT, text(CODEC.encode(alert)))).isEmpty();
    }

    @Test
    void decodingIgnoresUnknownFieldsAndTakesNullForAbsent() {
        String json = text(CODEC.encode(MINIMAL))
                .replace("\"service\":\"search\",", "\"service\":\"search\",\"journey\":null,\"v2\":{\"x\":[1]},")
                .replace("\"windows\":{", "\"windows\":{\"step\":\"1m\",");
        assertThat(CODEC.decode(utf8(json))).isEqualTo(new Decoded.Ok<>(MINIMAL));
        assertThat(JsonSchemas.errors(JsonSchemas.ALERT, json)).isEmpty();
    }

    /** A document the codec refuses, the exact reason, and whether the schema refuses it too. */
    record Bad(String name, String json, String reason, boolean schemaRefuses) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** The full alert's JSON with {@code from} replaced by {@code to}. */
    private static String full(String from, String to) {
        String json = text(CODEC.encode(FULL));
        assertThat(json).contains(from);
        return json.replace(from, to);
    }

    static Stream<Bad> bad() {
        return Stream.of(
                new Bad("not JSON", "{\"id\":",
                        "not JSON: Unexpected end-of-input within/between Object entries at line 1 column 7", false),
                new Bad("empty", "", "not JSON: empty record", false),
                new Bad("an array", "[]", "expected a JSON object, got an array", true),
                new Bad("trailing content", text(CODEC.encode(FULL)) + " {}",
                        "trailing content after the JSON object", false),
                new Bad("a repeated field", full("\"slo\":", "\"slo\":\"x\",\"slo\":"),
                        "not JSON: Duplicate field 'slo' at line 1 column 72", false),
                new Bad("no id", full("\"id\":\"checkout-availability/page/2026-11-23T10:04:00Z\",", ""),
                        "field \"id\" is required", true),
                new Bad("null slo", full("\"slo\":\"checkout-availability\"", "\"slo\":null"), "field \"slo\" is required", true),
                new Bad("no windows", full("\"windows\":{\"long\":\"1h\",\"short\":\"5m\"},", ""),
                        "field \"windows\" is required", true),
                new Bad("no context", full(",\"context\":[", ",\"ctx\":["), "field \"context\" is required", true),
                new Bad("severity in upper case", full("\"severity\":\"page\"", "\"severity\":\"PAGE\""),
                        "field \"severity\": expected one of \"page\", \"ticket\", \"notify\", got string \"PAGE\"", true),
                new Bad("state as a number", full("\"state\":\"firing\"", "\"state\":1"),
                        "field \"state\": expected one of \"firing\", \"resolved\", got number 1", true),
                new Bad("at in words", full("\"at\":\"2026-11-23T10:04:00Z\"", "\"at\":\"yesterday\""),
                        "field \"at\": expected an ISO-8601 date-time like \"2026-11-23T10:04:00Z\", got string \"yesterday\"",
                        true),
                new Bad("window in seconds", full("\"long\":\"1h\"", "\"long\":\"3600s\""),
                        "field \"windows.long\": expected a duration like \"5m\", \"1h\" or \"30d\", got string \"3600s\"", true),
                new Bad("window as a number", full("\"short\":\"5m\"", "\"short\":5"),
                        "field \"windows.short\": expected a duration like \"5m\", \"1h\" or \"30d\", got number 5", true),
                new Bad("windows as a string", full("\"windows\":{\"long\":\"1h\",\"short\":\"5m\"}", "\"windows\":\"1h/5m\""),
                        "field \"windows\": expected an object, got string \"1h/5m\"", true),
                new Bad("burn rate as a string", full("\"short\":35.2", "\"short\":\"35.2\""),
                        "field \"burnRate.short\": expected a number, got string \"35.2\"", true),
                new Bad("pairs holding a number", full("\"pairs\":[\"page-fast\"", "\"pairs\":[1"),
                        "field \"pairs[0]\": expected a string, got number 1", true),
                new Bad("pairs as an object", full("\"pairs\":[\"page-fast\",\"page-slow\"]", "\"pairs\":{}"),
                        "field \"pairs\": expected an array, got an object", true),
                new Bad("label as a number", full("\"tier\":\"1\"", "\"tier\":1"),
                        "field \"labels.tier\": expected a string, got number 1", true),
                new Bad("fractional bad count", full("\"bad\":40", "\"bad\":40.5"),
                        "field \"contributors[1].bad\": expected an integer, got number 40.5", true),
                new Bad("contributor as a string", full("[{\"service\":\"payments\",\"operation\"", "[\"x\",{\"service\":\"payments\",\"operation\""),
                        "field \"contributors[0]\": expected an object, got string \"x\"", true),
                new Bad("context status unknown", full("\"status\":\"warn\"", "\"status\":\"down\""),
                        "field \"context[1].status\": expected one of \"pass\", \"warn\", \"fail\", got string \"down\"", true),
                new Bad("context without check", full("\"check\":\"db-ping\",", ""),
                        "field \"context[0].check\" is required", true),
                new Bad("zero threshold", full("\"threshold\":14.4", "\"threshold\":0"),
                        "threshold must be positive and finite, got 0.0", true),
                new Bad("budget above one", full("\"budgetRemaining\":0.83", "\"budgetRemaining\":1.5"),
                        "budgetRemaining must be finite and at most 1, got 1.5", true),
                new Bad("negative burn rate", full("\"long\":20.1", "\"long\":-1"),
                        "burn rate over the long window must be finite and not negative, got -1.0", true),
                new Bad("short window not shorter", full("\"short\":\"5m\"", "\"short\":\"60m\""),
                        "short window 1h is not shorter than long window 1h", false),
                new Bad("negative bad count", full("\"bad\":812", "\"bad\":-812"), "bad must not be negative, got -812", true),
                new Bad("transition before the start", full("\"at\":\"2026-11-23T10:04:00Z\"", "\"at\":\"2026-11-23T10:00:00Z\""),
                        "at 2026-11-23T10:00:00Z is before startedAt 2026-11-23T10:04:00Z", false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bad")
    void refusesBadDocumentsWithAReason(Bad row) {
        assertThat(CODEC.decode(utf8(row.json()))).isEqualTo(new Decoded.Invalid<>(row.reason()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bad")
    void theSchemaRefusesWhatItCanExpress(Bad row) {
        if (row.schemaRefuses()) {
            assertThat(JsonSchemas.errors(JsonSchemas.ALERT, row.json())).isNotEmpty();
        }
    }

    @Test
    void theIdNamesSloSeverityAndStart() {
        assertThat(Alert.id("checkout-availability", Severity.PAGE, FIRED))
                .isEqualTo("checkout-availability/page/2026-11-23T10:04:00Z");
    }

    @Test
    void collectionsAreCopiedAndKeepTheirOrder() {
        Map<String, String> labels = ordered("z", "1", "a", "2");
        Alert alert = new Alert("id", "s", "svc", null, Severity.PAGE, AlertState.FIRING, FIRED, FIRED, FAST,
                new Alert.BurnRate(1, 1), 1, null, 0, null, labels, null, null, null);
        labels.put("b", "3");
        assertThat(alert.labels()).containsExactly(Map.entry("z", "1"), Map.entry("a", "2"));
        assertThat(alert.pairs()).isEmpty();
        assertThatThrownBy(() -> alert.labels().put("c", "4")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void refusesWindowsThatCannotBeWritten() {
        assertThatThrownBy(() -> new Alert.Windows(Duration.ofHours(1), Duration.ofSeconds(30)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("not a whole number of minutes from 1 to 999999999: PT30S");
    }

    @Test
    void refusesNonFiniteNumbers() {
        assertThatThrownBy(() -> new Alert.BurnRate(Double.NaN, 1))
                .hasMessage("burn rate over the long window must be finite and not negative, got NaN");
        assertThatThrownBy(() -> new Alert("id", "s", "svc", null, Severity.PAGE, AlertState.FIRING, FIRED, FIRED, FAST,
                new Alert.BurnRate(1, 1), Double.POSITIVE_INFINITY, null, 0, null, null, null, null, null))
                .hasMessage("threshold must be positive and finite, got Infinity");
        assertThatThrownBy(() -> new Alert("id", "s", "svc", null, Severity.PAGE, AlertState.FIRING, FIRED, FIRED, FAST,
                new Alert.BurnRate(1, 1), 1, null, Double.NaN, null, null, null, null, null))
                .hasMessage("budgetRemaining must be finite and at most 1, got NaN");
    }

    @ParameterizedTest
    @EnumSource(Severity.class)
    void severityWireNamesAreLowerCase(Severity severity) {
        assertThat(severity.wireName()).isEqualTo(severity.name().toLowerCase(Locale.ROOT));
        assertThat(Severity.fromWire(severity.wireName())).isSameAs(severity);
        assertThat(Severity.fromWire(severity.name())).isNull();
    }

    @ParameterizedTest
    @EnumSource(AlertState.class)
    void stateWireNamesAreLowerCase(AlertState state) {
        assertThat(state.wireName()).isEqualTo(state.name().toLowerCase(Locale.ROOT));
        assertThat(AlertState.fromWire(state.wireName())).isSameAs(state);
        assertThat(AlertState.fromWire(state.name())).isNull();
    }
}
