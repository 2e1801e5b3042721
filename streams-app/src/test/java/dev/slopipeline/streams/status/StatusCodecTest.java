package dev.slopipeline.streams.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slopipeline.definitions.model.Severity;
import dev.slopipeline.definitions.model.SloWindow;
import dev.slopipeline.streams.evaluate.SeverityStatus;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class StatusCodecTest {

    private static final Instant AS_OF = Instant.parse("2026-11-23T10:04:00Z");
    private static final Instant UPDATED_AT = Instant.parse("2026-11-23T10:04:02.512Z");

    private static StatusRecord firing() {
        Map<Duration, Double> burnRates = new LinkedHashMap<>();
        burnRates.put(Duration.ofMinutes(5), 35.2);
        burnRates.put(Duration.ofHours(1), 20.1);
        return new StatusRecord("checkout-availability", "checkout", "checkout", AS_OF, 99.9,
                new SloWindow.Calendar(SloWindow.CalendarPeriod.MONTH, ZoneId.of("Europe/Berlin")),
                OptionalDouble.of(0.99962), burnRates, 0.83, Optional.of(Instant.parse("2026-11-24T02:00:00Z")),
                Map.of(Severity.PAGE, new SeverityStatus.Firing(AS_OF, List.of("page-fast")),
                        Severity.TICKET, new SeverityStatus.Ok(), Severity.NOTIFY, new SeverityStatus.NoData()), 3,
                UPDATED_AT, new WindowCounts(WindowCounts.EVENTS, Instant.parse("2026-11-01T00:00:00Z"), 99962, 38, 100000),
                List.of(new PairStatus("page-fast", Severity.PAGE, Duration.ofHours(1), Duration.ofMinutes(5), 2, 14.4, 0.0144, 0,
                        20.1, 35.2, true)));
    }

    @Test
    void shouldWriteTheDocumentedJson() {
        assertThat(new String(StatusCodec.encode(firing()), StandardCharsets.UTF_8)).isEqualTo(
                "{\"slo\":\"checkout-availability\",\"service\":\"checkout\",\"journey\":\"checkout\",\"asOf\":\"2026-11-23T10:04:00Z\","
                + "\"objective\":99.9,\"window\":{\"calendar\":\"month\",\"timeZone\":\"Europe/Berlin\"},\"sli\":0.99962,"
                + "\"burnRates\":{\"5m\":35.2,\"1h\":20.1},\"budgetRemaining\":0.83,\"exhaustionAt\":\"2026-11-24T02:00:00Z\","
                + "\"alerts\":{\"page\":{\"state\":\"firing\",\"since\":\"2026-11-23T10:04:00Z\",\"pairs\":[\"page-fast\"]},"
                + "\"ticket\":{\"state\":\"ok\"},\"notify\":{\"state\":\"no-data\"}},\"lateEvents\":3,"
                + "\"updatedAt\":\"2026-11-23T10:04:02.512Z\","
                + "\"counts\":{\"unit\":\"events\",\"from\":\"2026-11-01T00:00:00Z\",\"good\":99962,\"bad\":38,\"events\":100000},"
                + "\"pairs\":[{\"name\":\"page-fast\",\"severity\":\"page\",\"longWindow\":\"1h\",\"shortWindow\":\"5m\","
                + "\"budgetPercent\":2.0,\"burnRateThreshold\":14.4,\"errorRatioThreshold\":0.0144,\"minEvents\":0,"
                + "\"longBurnRate\":20.1,\"shortBurnRate\":35.2,\"holds\":true}]}");
    }

    @Test
    void shouldReadBackWhatItWrites() {
        StatusRecord quiet = new StatusRecord("search", "shop", "search", AS_OF, 99, new SloWindow.Rolling(Duration.ofDays(28)),
                OptionalDouble.empty(), Map.of(Duration.ofMinutes(5), 0.0), 1, Optional.empty(), Map.of(), 0,
                UPDATED_AT, new WindowCounts(WindowCounts.MINUTES, AS_OF.minus(Duration.ofDays(28)), 0, 0, 0), List.of());

        assertThat(StatusCodec.decode(StatusCodec.encode(firing()))).isEqualTo(firing());
        assertThat(StatusCodec.decode(StatusCodec.encode(quiet))).isEqualTo(quiet);
    }

    @Test
    void shouldRefuseWhatIsNotAStatus() {
        assertThatThrownBy(() -> StatusCodec.decode("{\"slo\":1}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("not a status record");
    }
}
