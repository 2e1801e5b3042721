package dev.slopipeline.streams.otlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.slopipeline.definitions.event.RequestEvent;
import dev.slopipeline.kit.result.Decoded;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** OTLP export requests, made and encoded by the OpenTelemetry SDK, as request events. */
class SpanDecoderTest {

    private static final Instant END = Instant.parse("2026-03-02T11:59:30.123456789Z");
    private static final SpanDecoder DECODER = new SpanDecoder(SpanEncoding.AUTO, SpanKinds.DEFAULT);

    private static SpanBatch decode(SpanDecoder decoder, byte[] record) {
        Decoded<SpanBatch> decoded = decoder.decode(record);
        if (decoded instanceof Decoded.Invalid<SpanBatch> invalid) {
            throw new AssertionError("refused: " + invalid.reason());
        }
        return ((Decoded.Ok<SpanBatch>) decoded).value();
    }

    private static String refusal(SpanDecoder decoder, byte[] record) {
        assertThat(decoder.decode(record)).isInstanceOf(Decoded.Invalid.class);
        return ((Decoded.Invalid<SpanBatch>) decoder.decode(record)).reason();
    }

    private static List<SpanData> spans(SdkSpans sdk) {
        try (sdk) {
            return sdk.take();
        }
    }

    @ParameterizedTest
    @EnumSource(SdkSpans.Wire.class)
    void shouldMakeAnHttpServerSpanOneRequestEvent(SdkSpans.Wire wire) {
        byte[] record = wire.encode(spans(SdkSpans.of("checkout-api")
                .httpServer("POST", "/checkout", 503, END, Duration.ofNanos(812_500_000))));

        SpanBatch batch = decode(DECODER, record);

        assertThat(batch.events()).singleElement().satisfies(event -> {
            assertThat(event.service()).isEqualTo("checkout-api");
            assertThat(event.operation()).isEqualTo("POST /checkout");
            assertThat(event.status()).isEqualTo(503);
            assertThat(event.latencyMs()).isCloseTo(812.5, within(1e-9));
            assertThat(event.timestamp()).isEqualTo(END);
            assertThat(event.count()).isEqualTo(1);
            assertThat(event.attributes()).containsEntry("deployment.environment.name", "prod")
                    .containsEntry("service.name", "checkout-api").containsEntry("http.route", "/checkout")
                    .containsEntry("http.response.status_code", "503");
        });
        assertThat(batch.unusable()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(SdkSpans.Wire.class)
    void shouldReadTheOlderHttpConventionsWithoutTheQuery(SdkSpans.Wire wire) {
        byte[] record = wire.encode(spans(SdkSpans.of("cart").span(SpanKind.SERVER, "HTTP GET", END, Duration.ofMillis(20),
                StatusCode.UNSET, Attributes.builder().put("http.method", "GET").put("http.target", "/cart?id=42")
                        .put("http.status_code", 404).build())));

        RequestEvent event = decode(DECODER, record).events().get(0);

        assertThat(event.operation()).isEqualTo("GET /cart");
        assertThat(event.status()).isEqualTo(404);
    }

    @ParameterizedTest
    @EnumSource(SdkSpans.Wire.class)
    void shouldNameRpcSpansByServiceAndMethodAndJudgeThemByTheirSpanStatus(SdkSpans.Wire wire) {
        Attributes rpc = Attributes.builder().put("rpc.system", "grpc").put("rpc.service", "shop.Payments")
                .put("rpc.method", "Charge").build();
        byte[] record = wire.encode(spans(SdkSpans.of("payments")
                .span(SpanKind.SERVER, "shop.Payments/Charge", END, Duration.ofMillis(5), StatusCode.ERROR, rpc)
                .span(SpanKind.SERVER, "shop.Payments/Charge", END, Duration.ofMillis(5), StatusCode.OK, rpc)
                .span(SpanKind.SERVER, "shop.Payments/Charge", END, Duration.ofMillis(5), StatusCode.UNSET, rpc)));

        List<RequestEvent> events = decode(DECODER, record).events();

        assertThat(events).extracting(RequestEvent::operation).containsOnly("shop.Payments/Charge");
        assertThat(events).extracting(RequestEvent::status).containsExactly(500, 200, 200);
    }

    @ParameterizedTest
    @EnumSource(SdkSpans.Wire.class)
    void shouldTakeServerAndConsumerSpansByDefaultAndSkipTheOtherKinds(SdkSpans.Wire wire) {
        byte[] record = wire.encode(spans(SdkSpans.of("orders")
                .span(SpanKind.CONSUMER, "orders process", END, Duration.ofMillis(3), StatusCode.UNSET, Attributes.empty())
                .span(SpanKind.CLIENT, "GET", END, Duration.ofMillis(3), StatusCode.ERROR, Attributes.empty())
                .span(SpanKind.INTERNAL, "validate", END, Duration.ofMillis(3), StatusCode.ERROR, Attributes.empty())
                .span(SpanKind.PRODUCER, "orders publish", END, Duration.ofMillis(3), StatusCode.ERROR, Attributes.empty())
                .httpServer("GET", "/orders", 200, END, Duration.ofMillis(9))));

        SpanBatch batch = decode(DECODER, record);
        SpanBatch serverOnly = decode(new SpanDecoder(SpanEncoding.AUTO,
                Set.of(io.opentelemetry.proto.trace.v1.Span.SpanKind.SPAN_KIND_SERVER)), record);

        assertThat(batch.events()).extracting(RequestEvent::operation).containsExactly("orders process", "GET /orders");
        assertThat(batch.unusable()).as("a skipped kind is not unusable").isEmpty();
        assertThat(serverOnly.events()).extracting(RequestEvent::operation).containsExactly("GET /orders");
    }

    @ParameterizedTest
    @EnumSource(SdkSpans.Wire.class)
    void shouldCarryScalarAttributesAsTextWithTheSpansOverTheResources(SdkSpans.Wire wire) {
        Resource resource = Resource.create(Attributes.builder().put("service.name", "search").put("region", "eu")
                .put("host.cores", 8).build());
        byte[] record = wire.encode(spans(SdkSpans.of(resource).span(SpanKind.SERVER, "search", END, Duration.ofMillis(1),
                StatusCode.UNSET, Attributes.builder().put("region", "us").put("cache.hit", true).put("score", 0.5)
                        .put(AttributeKey.stringArrayKey("tags"), List.of("a", "b")).build())));

        RequestEvent event = decode(DECODER, record).events().get(0);

        assertThat(event.attributes()).containsEntry("region", "us").containsEntry("host.cores", "8")
                .containsEntry("cache.hit", "true").containsEntry("score", "0.5").doesNotContainKey("tags");
    }

    @ParameterizedTest
    @EnumSource(SdkSpans.Wire.class)
    void shouldCountSpansWithoutAServiceNameOrWithAnImpossibleStatusAndKeepTheOthers(SdkSpans.Wire wire) {
        List<SpanData> nameless = spans(SdkSpans.of(Resource.empty())
                .httpServer("GET", "/", 200, END, Duration.ofMillis(1))
                .httpServer("GET", "/", 200, END, Duration.ofMillis(1)));
        List<SpanData> named = spans(SdkSpans.of("checkout-api")
                .httpServer("POST", "/checkout", 200, END, Duration.ofMillis(1))
                .span(SpanKind.SERVER, "GET", END, Duration.ofMillis(1), StatusCode.UNSET,
                        Attributes.builder().put("http.request.method", "GET").put("http.response.status_code", 700).build()));

        SpanBatch batch = decode(DECODER, wire.encode(concat(nameless, named)));

        assertThat(batch.events()).extracting(RequestEvent::operation).containsExactly("POST /checkout");
        assertThat(batch.unusable(UnusableSpan.NO_SERVICE_NAME)).isEqualTo(2);
        assertThat(batch.unusable(UnusableSpan.INVALID_VALUE)).isEqualTo(1);
    }

    @Test
    void shouldReadOtlpJsonWithItsHexIdsNumericEnumsAndLongsInStrings() {
        byte[] json = SdkSpans.Wire.JSON.encode(spans(SdkSpans.of("payments").span(SpanKind.SERVER, "charge", END,
                Duration.ofMillis(7), StatusCode.ERROR, Attributes.empty())));
        String text = new String(json, StandardCharsets.UTF_8);

        assertThat(text).containsPattern("\"traceId\":\"[0-9a-f]{32}\"").containsPattern("\"spanId\":\"[0-9a-f]{16}\"")
                .contains("\"kind\":2", "\"code\":2", "\"endTimeUnixNano\":\"" + (END.getEpochSecond() * 1_000_000_000L + END.getNano()) + "\"");
        assertThat(decode(DECODER, json).events()).singleElement().satisfies(event -> {
            assertThat(event.status()).isEqualTo(500);
            assertThat(event.timestamp()).isEqualTo(END);
            assertThat(event.latencyMs()).isCloseTo(7.0, within(1e-9));
        });
    }

    @Test
    void shouldTellJsonFromProtobufByTheFirstByteAfterWhitespace() {
        List<SpanData> spans = spans(SdkSpans.of("checkout-api").httpServer("POST", "/checkout", 200, END, Duration.ofMillis(1)));
        byte[] json = SdkSpans.Wire.JSON.encode(spans);
        byte[] indented = concat(" \n\t".getBytes(StandardCharsets.UTF_8), json);

        assertThat(decode(DECODER, indented).events()).hasSize(1);
        assertThat(decode(new SpanDecoder(SpanEncoding.OTLP_JSON, SpanKinds.DEFAULT), json).events()).hasSize(1);
        assertThat(decode(new SpanDecoder(SpanEncoding.OTLP_PROTO, SpanKinds.DEFAULT), SdkSpans.Wire.PROTO.encode(spans)).events()).hasSize(1);
    }

    @Test
    void shouldRefuseTheOtherEncodingWhenOneIsPinnedAndSaySo() {
        List<SpanData> spans = spans(SdkSpans.of("checkout-api").httpServer("POST", "/checkout", 200, END, Duration.ofMillis(1)));

        assertThat(refusal(new SpanDecoder(SpanEncoding.OTLP_PROTO, SpanKinds.DEFAULT), SdkSpans.Wire.JSON.encode(spans)))
                .startsWith("not OTLP protobuf: ")
                .endsWith("(spans.encoding is otlp_proto, but the record starts with '{': is it otlp_json?)");
        assertThat(refusal(new SpanDecoder(SpanEncoding.OTLP_JSON, SpanKinds.DEFAULT), SdkSpans.Wire.PROTO.encode(spans)))
                .startsWith("not OTLP JSON: ")
                .endsWith("(spans.encoding is otlp_json, but the record does not start with '{': is it otlp_proto?)");
    }

    @Test
    void shouldRefuseTruncatedProtobufAndJsonThatIsNotAnExportRequest() {
        byte[] proto = SdkSpans.Wire.PROTO.encode(spans(SdkSpans.of("checkout-api").httpServer("POST", "/checkout", 200, END, Duration.ofMillis(1))));

        assertThat(refusal(DECODER, Arrays.copyOf(proto, proto.length - 7))).startsWith("not OTLP protobuf: ")
                .contains("input ended unexpectedly");
        assertThat(refusal(DECODER, utf8("{\"resourceSpans\": [")))
                .startsWith("not OTLP JSON: ");
        assertThat(refusal(DECODER, utf8("{\"timestamp\":\"2026-03-02T11:59:00Z\",\"service\":\"checkout-api\",\"status\":200}")))
                .as("a request event on the spans topic").startsWith("not OTLP JSON: ").contains("timestamp");
        assertThat(refusal(DECODER, utf8("checkout ok"))).startsWith("not OTLP protobuf: ");
    }

    @Test
    void shouldRefuseJsonNestedDeeperThanAnExportRequestEverIsWithoutOverflowingTheStack() {
        String deep = "{\"resourceSpans\":" + "[".repeat(50_000) + "]".repeat(50_000) + "}";
        String quoted = "{\"resourceSpans\":[],\"note\":\"" + "[".repeat(500) + "\\\"{\"}";

        assertThat(refusal(DECODER, utf8(deep))).isEqualTo("not OTLP JSON: objects and arrays nested deeper than 100");
        assertThat(refusal(DECODER, utf8(quoted))).as("brackets in strings do not nest").contains("note");
    }

    @Test
    void shouldReadAnEmptyExportRequestAsNoSpans() {
        assertThat(decode(DECODER, new byte[0]).events()).isEmpty();
        assertThat(decode(DECODER, utf8("{}")).events()).isEmpty();
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }

    private static List<SpanData> concat(List<SpanData> first, List<SpanData> second) {
        return java.util.stream.Stream.concat(first.stream(), second.stream()).toList();
    }
}
