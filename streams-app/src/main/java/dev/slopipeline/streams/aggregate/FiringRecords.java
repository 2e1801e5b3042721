package dev.slopipeline.streams.aggregate;

import dev.slopipeline.definitions.alert.Alert;
import dev.slopipeline.definitions.alert.AlertCodec;
import dev.slopipeline.definitions.alert.AlertLabels;
import dev.slopipeline.definitions.alert.AlertState;
import dev.slopipeline.definitions.alert.AlertWording;
import dev.slopipeline.kit.result.Decoded;
import dev.slopipeline.streams.alert.AlertComposer;
import dev.slopipeline.streams.store.Part;
import dev.slopipeline.streams.store.PartSink;
import dev.slopipeline.streams.window.SloWindows;
import dev.slopipeline.streams.window.Tally;
import dev.slopipeline.streams.window.WindowParts;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every firing alert as it was published, kept beside the alert state (part {@code f} + severity ordinal:
 * double error budget, then the alert's JSON), so that it can be resolved without its definition: when an
 * SLO was removed while no task ran it, its definition is gone, and only this says what to resolve.
 */
final class FiringRecords {

    private static final byte PART = 'f';
    private static final AlertCodec CODEC = new AlertCodec();

    private FiringRecords() {
    }

    /** Keeps a firing alert, forgets a resolved one. */
    static void track(Alert alert, double errorBudget, PartSink alertStates) {
        byte[] part = {PART, (byte) alert.severity().ordinal()};
        if (alert.state() == AlertState.FIRING) {
            byte[] json = CODEC.encode(alert);
            alertStates.put(part, ByteBuffer.allocate(Double.BYTES + json.length).putDouble(errorBudget).put(json).array());
        } else {
            alertStates.delete(part);
        }
    }

    /**
     * The resolved transitions of the firing alerts in an SLO's stored parts, its definition being gone: the
     * firing alert's identity, labels and windows, burn rates and budget judged on the stored windows, no
     * pair holding, and {@code reason} among the annotations. At the latest event time the windows saw, in
     * whole seconds as on the wire.
     */
    static List<Alert> resolveAll(List<Part> alertStateParts, List<Part> windowParts, String reason) {
        Optional<SloWindows> windows;
        try {
            windows = WindowParts.rebuild(windowParts);
        } catch (IllegalArgumentException unreadable) {
            windows = Optional.empty();
        }
        List<Alert> resolved = new ArrayList<>();
        for (Part part : alertStateParts) {
            if (part.name().length != 2 || part.name()[0] != PART) {
                continue;
            }
            ByteBuffer value = ByteBuffer.wrap(part.value());
            double errorBudget = value.getDouble();
            byte[] json = new byte[value.remaining()];
            value.get(json);
            if (CODEC.decode(json) instanceof Decoded.Ok<Alert> ok) {
                resolved.add(resolve(ok.value(), errorBudget, windows, reason));
            }
        }
        return resolved;
    }

    private static Alert resolve(Alert firing, double errorBudget, Optional<SloWindows> windows, String reason) {
        Instant at = windows.map(SloWindows::latest).filter(latest -> latest.isAfter(firing.at())).orElse(firing.at());
        double longBurn = windows.map(w -> burnRate(w, firing.windows().longWindow(), errorBudget)).orElse(0.0);
        double shortBurn = windows.map(w -> burnRate(w, firing.windows().shortWindow(), errorBudget)).orElse(0.0);
        double budgetRemaining = windows.map(w -> 1 - w.sums().budget().tally().errorRatio() / errorBudget)
                .orElse(firing.budgetRemaining());
        Map<String, String> annotations = new LinkedHashMap<>(firing.annotations());
        annotations.put(AlertLabels.SUMMARY, AlertWording.removedSummary(firing));
        annotations.put(AlertLabels.REASON, reason);
        return new Alert(firing.id(), firing.slo(), firing.service(), firing.journey(), firing.severity(), AlertState.RESOLVED,
                at.truncatedTo(ChronoUnit.SECONDS), firing.startedAt(), firing.windows(), new Alert.BurnRate(longBurn, shortBurn),
                firing.threshold(), List.of(), budgetRemaining, null, firing.labels(), annotations, List.of(), List.of());
    }

    private static double burnRate(SloWindows windows, Duration window, double errorBudget) {
        Tally tally = windows.sums().windows().get(window);
        return tally == null ? 0.0 : tally.errorRatio() / errorBudget;
    }
}
