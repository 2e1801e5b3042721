package dev.slopipeline.definitions.alert;

import dev.slopipeline.definitions.model.Severity;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.slopipeline.kit.result.Decoded;
import dev.slopipeline.definitions.event.HealthStatus;
import dev.slopipeline.kit.json.JsonFields;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;

/**
 * JSON codec for {@link Alert}: the fixed field order of the contract, compact (one line per
 * alert), and a decoder that reads back exactly what the encoder wrote.
 *
 * <p>Decoding goes through Jackson's tree: alerts are few, and the tree keeps the checks readable.
 * A refused document gets a reason in the same style as the event codec's, e.g.
 * {@code field "windows.long": expected a duration like "5m", "1h" or "30d", got string "1.5h"}.
 * Unknown fields are ignored at every level; a repeated field is refused.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class AlertCodec {

    private final JsonMapper mapper = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    /** One alert as a compact JSON object in UTF-8. */
    public byte[] encode(Alert alert) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
        try (JsonGenerator g = mapper.getFactory().createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("id", alert.id());
            g.writeStringField("slo", alert.slo());
            g.writeStringField("service", alert.service());
            if (alert.journey() != null) {
                g.writeStringField("journey", alert.journey());
            }
            g.writeStringField("severity", alert.severity().wireName());
            g.writeStringField("state", alert.state().wireName());
            g.writeStringField("at", alert.at().toString());
            g.writeStringField("startedAt", alert.startedAt().toString());
            g.writeObjectFieldStart("windows");
            g.writeStringField("long", WireDurations.format(alert.windows().longWindow()));
            g.writeStringField("short", WireDurations.format(alert.windows().shortWindow()));
            g.writeEndObject();
            g.writeObjectFieldStart("burnRate");
            g.writeNumberField("long", alert.burnRate().longWindow());
            g.writeNumberField("short", alert.burnRate().shortWindow());
            g.writeEndObject();
            g.writeNumberField("threshold", alert.threshold());
            g.writeArrayFieldStart("pairs");
            for (String pair : alert.pairs()) {
                g.writeString(pair);
            }
            g.writeEndArray();
            g.writeNumberField("budgetRemaining", alert.budgetRemaining());
            if (alert.exhaustionAt() != null) {
                g.writeStringField("exhaustionAt", alert.exhaustionAt().toString());
            }
            writeStrings(g, "labels", alert.labels());
            writeStrings(g, "annotations", alert.annotations());
            g.writeArrayFieldStart("contributors");
            for (Alert.Contributor contributor : alert.contributors()) {
                g.writeStartObject();
                g.writeStringField("service", contributor.service());
                g.writeStringField("operation", contributor.operation());
                g.writeNumberField("bad", contributor.bad());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("context");
            for (Alert.Context check : alert.context()) {
                g.writeStartObject();
                g.writeStringField("service", check.service());
                g.writeStringField("check", check.check());
                g.writeStringField("status", check.status().wireName());
                if (check.target() != null) {
                    g.writeStringField("target", check.target());
                }
                if (check.at() != null) {
                    g.writeStringField("at", check.at().toString());
                }
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
        return out.toByteArray();
    }

    /**
     * Reads one alert. What {@link #encode} wrote comes back equal; a document with a missing
     * required field, a value of the wrong type, or one the {@link Alert} constructor refuses gets
     * the reason instead.
     */
    public Decoded<Alert> decode(byte[] utf8) {
        JsonNode root;
        try (JsonParser parser = mapper.createParser(utf8)) {
            root = mapper.readTree(parser);
            if (root != null && hasMore(parser)) {
                return new Decoded.Invalid<>("trailing content after the JSON object");
            }
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + " column " + at.getColumnNr();
            return new Decoded.Invalid<>("not JSON: " + e.getOriginalMessage() + where);
        } catch (IOException e) {
            return new Decoded.Invalid<>("not JSON: " + e.getMessage());
        }
        if (root == null) {
            return new Decoded.Invalid<>("not JSON: empty record");
        }
        if (!root.isObject()) {
            return new Decoded.Invalid<>("expected a JSON object, got " + JsonFields.describe(root));
        }
        try {
            return new Decoded.Ok<>(read(JsonFields.root(root)));
        } catch (JsonFields.Refused | IllegalArgumentException e) {
            return new Decoded.Invalid<>(e.getMessage());
        }
    }

    private static Alert read(JsonFields in) {
        JsonFields windows = in.object("windows");
        JsonFields burnRate = in.object("burnRate");
        return new Alert(
                in.text("id"),
                in.text("slo"),
                in.text("service"),
                in.optionalText("journey").orElse(null),
                in.oneOf("severity", Severity::fromWire, "\"page\", \"ticket\", \"notify\""),
                in.oneOf("state", AlertState::fromWire, "\"firing\", \"resolved\""),
                in.instant("at"),
                in.instant("startedAt"),
                new Alert.Windows(duration(windows, "long"), duration(windows, "short")),
                new Alert.BurnRate(burnRate.number("long"), burnRate.number("short")),
                in.number("threshold"),
                in.list("pairs", JsonFields::textValue),
                in.number("budgetRemaining"),
                in.optionalInstant("exhaustionAt").orElse(null),
                in.strings("labels"),
                in.strings("annotations"),
                in.list("contributors", item -> {
                    JsonFields contributor = item.objectValue();
                    return new Alert.Contributor(
                            contributor.text("service"),
                            contributor.text("operation"),
                            contributor.wholeNumber("bad"));
                }),
                in.list("context", item -> {
                    JsonFields check = item.objectValue();
                    return new Alert.Context(
                            check.text("service"),
                            check.text("check"),
                            check.oneOf("status", HealthStatus::fromWire, "\"pass\", \"warn\", \"fail\""),
                            check.optionalText("target").orElse(null),
                            check.optionalInstant("at").orElse(null));
                }));
    }

    private static Duration duration(JsonFields in, String name) {
        return in.parsed(name, WireDurations::parse, "a duration like \"5m\", \"1h\" or \"30d\"");
    }

    /** Whether anything but whitespace follows the document; garbage counts as something. */
    private static boolean hasMore(JsonParser parser) {
        try {
            return parser.nextToken() != null;
        } catch (IOException e) {
            return true;
        }
    }

    private static void writeStrings(JsonGenerator g, String field, Map<String, String> map) throws IOException {
        g.writeObjectFieldStart(field);
        for (Map.Entry<String, String> entry : map.entrySet()) {
            g.writeStringField(entry.getKey(), entry.getValue());
        }
        g.writeEndObject();
    }
}
