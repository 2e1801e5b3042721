package dev.slopipeline.router.oncall.heartbeat;

import dev.slopipeline.definitions.alert.AlertLabels;
import dev.slopipeline.router.notification.LabelledAlert;
import dev.slopipeline.router.notification.SloFacts;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The page the router raises itself when the pipeline stops sending heartbeats: labels
 * {@code alertname="SLOPipelineSilent"}, {@code severity="page"}, {@code slo="slo-pipeline-heartbeat"},
 * {@code service="slo-pipeline"}, so routes, silences and paging receivers treat it like any page.
 */
public final class SilentPipelineAlert {

    public static final String ALERTNAME = "SLOPipelineSilent";
    public static final String SLO = "slo-pipeline-heartbeat";
    public static final String SERVICE = "slo-pipeline";

    private SilentPipelineAlert() {
    }

    public static Map<String, String> labels() {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(AlertLabels.ALERTNAME, ALERTNAME);
        labels.put(AlertLabels.SEVERITY, "page");
        labels.put(AlertLabels.SLO, SLO);
        labels.put(AlertLabels.SERVICE, SERVICE);
        return labels;
    }

    /** @param silentSince the last heartbeat (or when watching began, if none came) */
    static LabelledAlert firing(Instant silentSince, Instant startsAt) {
        return new LabelledAlert(labels(), annotations(silentSince), startsAt, null, startsAt);
    }

    /** The resolution of the firing page, at {@code now}. */
    public static LabelledAlert resolved(LabelledAlert firing, Instant now) {
        return new LabelledAlert(firing.labels(), firing.annotations(), firing.startsAt(), now, now);
    }

    /** Whether an alert the engine holds is this page, still firing. */
    public static boolean isFiring(LabelledAlert alert) {
        return ALERTNAME.equals(alert.labels().get(AlertLabels.ALERTNAME)) && alert.endsAt() == null;
    }

    private static Map<String, String> annotations(Instant silentSince) {
        Map<String, String> annotations = new LinkedHashMap<>();
        annotations.put(AlertLabels.SUMMARY, "the SLO pipeline has sent no heartbeat since " + silentSince
                + ": burn rates may not be evaluated and pages may not be sent");
        return annotations;
    }
}
