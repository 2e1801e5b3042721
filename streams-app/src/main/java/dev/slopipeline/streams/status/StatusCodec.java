package dev.slopipeline.streams.status;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slopipeline.definitions.alert.WireDurations;
import dev.slopipeline.definitions.model.Severity;
import dev.slopipeline.definitions.model.SloWindow;
import dev.slopipeline.streams.evaluate.SeverityStatus;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The JSON of {@link StatusRecord} on {@code slo.status}, one compact object per record:
 *
 * <pre>
 * {"slo":"checkout-availability","service":"checkout","journey":"checkout",
 *  "series":"checkout-availability{region=\"eu-west\"}","labels":{"region":"eu-west"},   a split SLO's series only
 *  "asOf":"2026-11-23T10:04:00Z","objective":99.9,
 *  "window":{"calendar":"month","timeZone":"Europe/Berlin"},       or {"rolling":"30d"}
 *  "sli":0.99962,                                                  absent without traffic
 *  "burnRates":{"5m":35.2,"10m":30.1,"30m":12.0,"1h":20.1,...},    shortest window first
 *  "budgetRemaining":0.83,                                         negative once overspent
 *  "exhaustionAt":"2026-11-24T02:00:00Z",                          absent when not within the window
 *  "alerts":{"page":{"state":"firing","since":"2026-11-23T10:04:00Z","pairs":["page-fast"]},
 *            "ticket":{"state":"ok"},"notify":{"state":"no-data"}},
 *  "lateEvents":0,
 *  "updatedAt":"2026-11-23T10:04:02.512Z",                         wall clock when computed
 *  "counts":{"unit":"events","from":"2026-10-24T10:00:00Z","good":99962,"bad":38,"events":100000},
 *  "pairs":[{"name":"page-fast","severity":"page","longWindow":"1h","shortWindow":"5m","budgetPercent":2.0,
 *            "burnRateThreshold":14.4,"errorRatioThreshold":0.0144,"minEvents":0,
 *            "longBurnRate":20.1,"shortBurnRate":35.2,"holds":true},...]}   by severity, fastest first
 * </pre>
 *
 * {@code counts} are the SLO window's: {@code unit} is {@code events}, or {@code minutes} for timeslices
 * budgeting, where good and bad count minutes with traffic and {@code events} the events behind them.
 *
 * A deleted SLO's key gets a tombstone. Durations and instants are written as on {@code slo.alerts};
 * unknown fields are ignored when reading, so fields may be added.
 */
public final class StatusCodec {

    private static final JsonFactory JSON = new JsonFactory();
    private static final ObjectMapper READER = new ObjectMapper();

    private StatusCodec() {
    }

    public static byte[] encode(StatusRecord status) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(512);
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("slo", status.slo());
            if (!status.labels().isEmpty()) {
                g.writeStringField("series", status.series().text());
                g.writeObjectFieldStart("labels");
                for (Map.Entry<String, String> label : status.labels().entrySet()) {
                    g.writeStringField(label.getKey(), label.getValue());
                }
                g.writeEndObject();
            }
            g.writeStringField("service", status.service());
            g.writeStringField("journey", status.journey());
            g.writeStringField("asOf", status.asOf().toString());
            g.writeNumberField("objective", status.objectivePercent());
            g.writeObjectFieldStart("window");
            if (status.window() instanceof SloWindow.Calendar calendar) {
                g.writeStringField("calendar", calendar.period().name().toLowerCase(Locale.ROOT));
                g.writeStringField("timeZone", calendar.zone().getId());
            } else {
                g.writeStringField("rolling", WireDurations.format(status.window().nominalLength()));
            }
            g.writeEndObject();
            if (status.sli().isPresent()) {
                g.writeNumberField("sli", status.sli().getAsDouble());
            }
            g.writeObjectFieldStart("burnRates");
            for (Map.Entry<Duration, Double> rate : status.burnRates().entrySet()) {
                g.writeNumberField(WireDurations.format(rate.getKey()), rate.getValue());
            }
            g.writeEndObject();
            g.writeNumberField("budgetRemaining", status.budgetRemaining());
            if (status.exhaustionAt().isPresent()) {
                g.writeStringField("exhaustionAt", status.exhaustionAt().get().toString());
            }
            g.writeObjectFieldStart("alerts");
            for (Map.Entry<Severity, SeverityStatus> alert : status.alerts().entrySet()) {
                g.writeObjectFieldStart(alert.getKey().wireName());
                writeSeverity(g, alert.getValue());
                g.writeEndObject();
            }
            g.writeEndObject();
            g.writeNumberField("lateEvents", status.lateEvents());
            g.writeStringField("updatedAt", status.updatedAt().toString());
            writeCounts(g, status.counts());
            g.writeArrayFieldStart("pairs");
            for (PairStatus pair : status.pairs()) {
                writePair(g, pair);
            }
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
        return out.toByteArray();
    }

    private static void writeCounts(JsonGenerator g, WindowCounts counts) throws IOException {
        g.writeObjectFieldStart("counts");
        g.writeStringField("unit", counts.unit());
        g.writeStringField("from", counts.from().toString());
        g.writeNumberField("good", counts.good());
        g.writeNumberField("bad", counts.bad());
        g.writeNumberField("events", counts.events());
        g.writeEndObject();
    }

    private static void writePair(JsonGenerator g, PairStatus pair) throws IOException {
        g.writeStartObject();
        g.writeStringField("name", pair.name());
        g.writeStringField("severity", pair.severity().wireName());
        g.writeStringField("longWindow", WireDurations.format(pair.longWindow()));
        g.writeStringField("shortWindow", WireDurations.format(pair.shortWindow()));
        g.writeNumberField("budgetPercent", pair.budgetPercent());
        g.writeNumberField("burnRateThreshold", pair.burnRateThreshold());
        g.writeNumberField("errorRatioThreshold", pair.errorRatioThreshold());
        g.writeNumberField("minEvents", pair.minEvents());
        g.writeNumberField("longBurnRate", pair.longBurnRate());
        g.writeNumberField("shortBurnRate", pair.shortBurnRate());
        g.writeBooleanField("holds", pair.holds());
        g.writeEndObject();
    }

    private static void writeSeverity(JsonGenerator g, SeverityStatus status) throws IOException {
        if (status instanceof SeverityStatus.Firing firing) {
            g.writeStringField("state", "firing");
            g.writeStringField("since", firing.since().toString());
            g.writeArrayFieldStart("pairs");
            for (String pair : firing.pairsHolding()) {
                g.writeString(pair);
            }
            g.writeEndArray();
        } else {
            g.writeStringField("state", status instanceof SeverityStatus.NoData ? "no-data" : "ok");
        }
    }

    /**
     * Reads what {@link #encode} wrote.
     *
     * @throws IllegalArgumentException when the bytes are not a status record
     */
    public static StatusRecord decode(byte[] utf8) {
        try {
            JsonNode root = READER.readTree(utf8);
            JsonNode window = root.required("window");
            SloWindow sloWindow = window.has("calendar")
                    ? new SloWindow.Calendar(SloWindow.CalendarPeriod.valueOf(window.get("calendar").asText().toUpperCase(Locale.ROOT)),
                            ZoneId.of(window.get("timeZone").asText()))
                    : new SloWindow.Rolling(WireDurations.parse(window.required("rolling").asText()));
            Map<Duration, Double> burnRates = new LinkedHashMap<>();
            root.required("burnRates").properties().forEach(e -> burnRates.put(WireDurations.parse(e.getKey()), e.getValue().asDouble()));
            Map<Severity, SeverityStatus> alerts = new EnumMap<>(Severity.class);
            root.required("alerts").properties().forEach(e -> alerts.put(Severity.fromWire(e.getKey()), readSeverity(e.getValue())));
            return new StatusRecord(
                    root.required("slo").asText(),
                    root.required("service").asText(),
                    root.required("journey").asText(),
                    Instant.parse(root.required("asOf").asText()),
                    root.required("objective").asDouble(),
                    sloWindow,
                    root.has("sli") ? OptionalDouble.of(root.get("sli").asDouble()) : OptionalDouble.empty(),
                    burnRates,
                    root.required("budgetRemaining").asDouble(),
                    root.has("exhaustionAt") ? Optional.of(Instant.parse(root.get("exhaustionAt").asText())) : Optional.empty(),
                    alerts,
                    root.required("lateEvents").asLong(),
                    Instant.parse(root.required("updatedAt").asText()),
                    readCounts(root.required("counts")),
                    readPairs(root.required("pairs")),
                    readLabels(root.get("labels")));
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("not a status record: " + e.getMessage(), e);
        }
    }

    private static Map<String, String> readLabels(JsonNode node) {
        Map<String, String> labels = new LinkedHashMap<>();
        if (node != null) {
            node.properties().forEach(e -> labels.put(e.getKey(), e.getValue().asText()));
        }
        return labels;
    }

    private static WindowCounts readCounts(JsonNode node) {
        return new WindowCounts(node.required("unit").asText(), Instant.parse(node.required("from").asText()),
                node.required("good").asLong(), node.required("bad").asLong(), node.required("events").asLong());
    }

    private static List<PairStatus> readPairs(JsonNode node) {
        List<PairStatus> pairs = new ArrayList<>();
        for (JsonNode pair : node) {
            pairs.add(new PairStatus(pair.required("name").asText(), Severity.fromWire(pair.required("severity").asText()),
                    WireDurations.parse(pair.required("longWindow").asText()), WireDurations.parse(pair.required("shortWindow").asText()),
                    pair.required("budgetPercent").asDouble(), pair.required("burnRateThreshold").asDouble(),
                    pair.required("errorRatioThreshold").asDouble(), pair.required("minEvents").asLong(),
                    pair.required("longBurnRate").asDouble(), pair.required("shortBurnRate").asDouble(),
                    pair.required("holds").asBoolean()));
        }
        return pairs;
    }

    private static SeverityStatus readSeverity(JsonNode node) {
        return switch (node.required("state").asText()) {
            case "firing" -> {
                List<String> pairs = new ArrayList<>();
                node.required("pairs").forEach(pair -> pairs.add(pair.asText()));
                yield new SeverityStatus.Firing(Instant.parse(node.required("since").asText()), pairs);
            }
            case "no-data" -> new SeverityStatus.NoData();
            default -> new SeverityStatus.Ok();
        };
    }
}
