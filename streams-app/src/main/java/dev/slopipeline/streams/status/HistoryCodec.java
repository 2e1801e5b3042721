package dev.slopipeline.streams.status;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.slopipeline.definitions.alert.WireDurations;
import dev.slopipeline.streams.window.Buckets;
import dev.slopipeline.streams.window.Tally;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;

/**
 * The JSON of {@code GET /api/v1/slos/{name}/history}: an SLO's SLI and remaining budget over its SLO
 * window, one point per bucket, for a chart.
 *
 * <pre>
 * {"slo":"checkout-availability","objective":99.9,"unit":"events","resolution":"1h",
 *  "from":"2026-10-24T10:00:00Z","asOf":"2026-11-23T10:04:00Z",
 *  "points":[{"start":"2026-10-24T10:00:00Z","end":"2026-10-24T11:00:00Z","good":5997,"bad":3,"events":6000,
 *             "sli":0.9995,"budgetRemaining":0.5},...]}
 * </pre>
 *
 * {@code good}, {@code bad} and {@code events} are the bucket's own counts; {@code sli} and
 * {@code budgetRemaining} are cumulative from {@code from} to the point's {@code end}: summed counts,
 * never averaged ratios, so the last point equals the SLO's status whenever the buckets reach back to the
 * window's start. {@code sli} is {@code null} until the first unit; {@code budgetRemaining} is
 * 1 − (bad ÷ (good + bad)) ÷ (1 − objective ÷ 100), negative once overspent. {@code resolution} is the
 * bucket size the windows keep for that span: 1 minute below 12 h, 10 minutes below 3 days, 1 hour
 * below 72 days, 1 day beyond.
 */
public final class HistoryCodec {

    private static final JsonFactory JSON = new JsonFactory();

    private HistoryCodec() {
    }

    /**
     * @param objectivePercent the SLO's objective, as in its status
     * @param unit             {@link WindowCounts#EVENTS} or {@link WindowCounts#MINUTES}
     */
    public static byte[] encode(String slo, double objectivePercent, String unit, Instant asOf, Buckets buckets) {
        double errorBudget = 1 - objectivePercent / 100;
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 + 160 * buckets.buckets().size());
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("slo", slo);
            g.writeNumberField("objective", objectivePercent);
            g.writeStringField("unit", unit);
            g.writeStringField("resolution", WireDurations.format(buckets.resolution()));
            g.writeStringField("from", buckets.from().toString());
            g.writeStringField("asOf", asOf.toString());
            g.writeArrayFieldStart("points");
            Tally cumulative = Tally.ZERO;
            for (Buckets.Bucket bucket : buckets.buckets()) {
                cumulative = cumulative.plus(bucket.tally());
                g.writeStartObject();
                g.writeStringField("start", bucket.start().toString());
                g.writeStringField("end", bucket.start().plus(buckets.resolution()).toString());
                g.writeNumberField("good", bucket.tally().good());
                g.writeNumberField("bad", bucket.tally().bad());
                g.writeNumberField("events", bucket.tally().events());
                if (cumulative.total() == 0) {
                    g.writeNullField("sli");
                } else {
                    g.writeNumberField("sli", (double) cumulative.good() / cumulative.total());
                }
                g.writeNumberField("budgetRemaining", 1 - cumulative.errorRatio() / errorBudget);
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
        return out.toByteArray();
    }
}
