package dev.slopipeline.definitions.alert;

import dev.slopipeline.definitions.model.SeriesKey;
import dev.slopipeline.definitions.model.ServiceDefinition;
import dev.slopipeline.definitions.model.Severity;
import dev.slopipeline.definitions.model.SloDefinition;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The labels and annotation keys of an SLO alert, for the streams app that writes them on {@code slo.alerts} and
 * the router that routes, groups and delivers by them, in Alertmanager's model.
 *
 * <p>Labels say which alert it is and never change during an incident, so the firing and the resolved transition
 * share a fingerprint: {@value #ALERTNAME} ({@value #SLO_BURN_RATE} for every SLO alert), {@value #SLO},
 * {@value #SERVICE}, {@value #JOURNEY}, {@value #SEVERITY} ({@code page}, {@code ticket}, {@code notify}),
 * {@value #OWNER}, {@value #TIER}, for a split SLO the labels of its series ({@code region}), then the SLO's own labels.
 *
 * <p>Annotations are human text: {@value #SUMMARY} (what users cannot do), {@value #DESCRIPTION}, {@value #REASON}
 * and the runbook link, which the wire calls {@value #WIRE_RUNBOOK} and everything after it {@value #RUNBOOK_URL},
 * Alertmanager's convention; the router adds the measured facts {@value #BURN_RATE}, {@value #BUDGET_REMAINING},
 * {@value #EXHAUSTION_AT}, {@value #PAIRS}, {@value #CONTRIBUTORS} and {@value #CONTEXT} (see
 * {@link AlertWording#annotations(Alert)}).
 */
public final class AlertLabels {

    public static final String ALERTNAME = "alertname";
    public static final String SLO = "slo";
    public static final String SERVICE = "service";
    public static final String JOURNEY = "journey";
    public static final String SEVERITY = "severity";
    public static final String OWNER = "owner";
    /** The service tier, 1 (critical) to 4 (experiment), which decides how far a page escalates. */
    public static final String TIER = "tier";

    /**
     * The one alert name of every SLO alert, whatever its severity: the severity is a label of its own, so one
     * {@code group_by}, one silence or one inhibition rule can speak of all SLO alerts, and page and ticket of one
     * SLO stay distinct alerts.
     */
    public static final String SLO_BURN_RATE = "SLOBurnRate";

    public static final String SUMMARY = "summary";
    public static final String DESCRIPTION = "description";
    /** Why a transition happened when the burn rates do not say: {@code slo removed}. */
    public static final String REASON = "reason";
    /** The runbook link as the streams app writes it on {@code slo.alerts}; read it as {@link #RUNBOOK_URL}. */
    public static final String WIRE_RUNBOOK = "runbook";
    public static final String RUNBOOK_URL = "runbook_url";
    /** The long-window burn rate, a decimal such as {@code 20.1}. */
    public static final String BURN_RATE = "burn_rate";
    /** The fraction of the error budget left, such as {@code 0.83}; negative once overspent. */
    public static final String BUDGET_REMAINING = "budget_remaining";
    public static final String EXHAUSTION_AT = "exhaustion_at";
    public static final String PAIRS = "pairs";
    public static final String CONTRIBUTORS = "contributors";
    public static final String CONTEXT = "context";

    private AlertLabels() {
    }

    /**
     * The labels the streams app writes for an SLO's alert of {@code severity}: the identity labels in a fixed
     * order, {@value #OWNER} and {@value #TIER}, then the SLO's own labels by name, never overriding those.
     */
    public static Map<String, String> of(SloDefinition slo, ServiceDefinition service, Severity severity) {
        return of(slo, SeriesKey.whole(slo.name()), service, severity);
    }

    /**
     * The labels of the alert of one series of a split SLO: those of the SLO's alert, with the series' labels
     * after {@value #TIER} in the order of its {@code groupBy}, each one whose value is empty left out, as Prometheus
     * and Alertmanager treat an empty label as absent. The SLO's own labels never share a name with them ({@code lint}
     * refuses that).
     */
    public static Map<String, String> of(SloDefinition slo, SeriesKey series, ServiceDefinition service, Severity severity) {
        Map<String, String> labels = new LinkedHashMap<>();
        putIdentity(labels, slo.name(), service.name(), slo.journey(), severity);
        labels.put(OWNER, service.owner());
        labels.put(TIER, Integer.toString(service.tier()));
        series.labels().forEach((label, value) -> {
            if (!value.isEmpty()) {
                labels.putIfAbsent(label, value);
            }
        });
        new TreeMap<>(slo.labels()).forEach(labels::putIfAbsent);
        return labels;
    }

    /**
     * The labels the router knows an alert transition by: what the alert carries, with {@value #ALERTNAME}
     * {@value #SLO_BURN_RATE} and the identity labels taken from the alert's own fields, winning over a label of
     * the same name, as delivery, routing and inhibition rely on them meaning what they say.
     */
    public static Map<String, String> of(Alert alert) {
        Map<String, String> labels = new LinkedHashMap<>(alert.labels());
        labels.put(ALERTNAME, SLO_BURN_RATE);
        putIdentity(labels, alert.slo(), alert.service(), alert.journey(), alert.severity());
        return labels;
    }

    /** {@value #SLO}, {@value #SERVICE}, {@value #JOURNEY} (when there is one) and {@value #SEVERITY}, in this order. */
    private static void putIdentity(Map<String, String> labels, String slo, String service, String journey,
                                    Severity severity) {
        labels.put(SLO, slo);
        labels.put(SERVICE, service);
        if (journey != null) {
            labels.put(JOURNEY, journey);
        }
        labels.put(SEVERITY, severity.wireName());
    }
}
