package dev.slopipeline.router.notification;

import dev.slopipeline.definitions.alert.Alert;
import dev.slopipeline.definitions.alert.AlertLabels;
import dev.slopipeline.definitions.alert.AlertState;
import dev.slopipeline.definitions.alert.AlertWording;

/**
 * Turns an SLO alert transition from {@code slo.alerts} into the labelled alert the router groups, inhibits,
 * silences and delivers. The router writes no label or annotation of its own: it takes what the alert says, as the
 * contract in slo-definitions reads it (see the package overview).
 */
public final class SloAlerts {

    private SloAlerts() {
    }

    public static LabelledAlert toLabelled(Alert alert) {
        return new LabelledAlert(AlertLabels.of(alert), AlertWording.annotations(alert), alert.startedAt(),
                alert.state() == AlertState.RESOLVED ? alert.at() : null, alert.at());
    }
}
