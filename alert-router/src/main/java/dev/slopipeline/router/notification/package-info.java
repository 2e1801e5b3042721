/**
 * The notification model the router's three rooms share: routing ({@code routing}), delivery ({@code delivery}) and
 * on-call ({@code oncall}) all read it, and it imports none of them.
 * <ul>
 *   <li>What comes in: {@link dev.slopipeline.router.notification.LabelledAlert}, an SLO alert transition from
 *       {@code slo.alerts} in Alertmanager's model, with its {@link dev.slopipeline.router.notification.Fingerprint};
 *       {@link dev.slopipeline.router.notification.SloAlerts} converts, {@link dev.slopipeline.router.notification.AlertStore}
 *       keeps the latest per fingerprint.</li>
 *   <li>What goes out: {@link dev.slopipeline.router.notification.Notification}, one alert group's state for one
 *       receiver, holding the delivered {@link dev.slopipeline.router.notification.Alert}s and, once someone acts,
 *       an {@link dev.slopipeline.router.notification.Acknowledgement}; channels and pages read its SLO facts through
 *       {@link dev.slopipeline.router.notification.SloFacts}. On {@code router.notifications} and {@code router.pages}
 *       it is written by {@link dev.slopipeline.router.notification.IntentCodec}.</li>
 * </ul>
 *
 * <p>Labelled alerts are the shape grouping, inhibition, silences and delivery work on.
 *
 * <p>{@link dev.slopipeline.router.notification.SloAlerts#toLabelled} writes no label or annotation of its own; the
 * {@code slo.alerts} contract in slo-definitions says what an alert carries:
 * <ul>
 *   <li>labels ({@link dev.slopipeline.definitions.alert.AlertLabels#of(dev.slopipeline.definitions.alert.Alert)}):
 *       the alert's labels (the SLO's own, e.g. {@code team}, and {@code owner}, {@code tier}), then
 *       {@code alertname="SLOBurnRate"} (one name for all severities), {@code slo}, {@code service}, {@code journey}
 *       (when the SLO names one) and {@code severity} ({@code page}, {@code ticket}, {@code notify}); these identity
 *       labels win over a label of the same name;</li>
 *   <li>annotations ({@link dev.slopipeline.definitions.alert.AlertWording#annotations}): the alert's annotations,
 *       passed through, then {@code summary} (the alert's, else worded from its fields), {@code runbook_url} (from
 *       {@code runbook_url} or the wire's {@code runbook}), {@code burn_rate} (long-window burn rate, at most two
 *       decimals, e.g. {@code 20.1}), {@code budget_remaining} (fraction with two decimals, e.g. {@code 0.83}),
 *       {@code exhaustion_at} (ISO-8601, when known), {@code pairs} (comma-separated), {@code contributors} and
 *       {@code context} (the first three, then "and N more");</li>
 *   <li>{@code startsAt} = the incident's {@code startedAt}; {@code endsAt} = {@code at} of the resolved transition,
 *       none while firing; {@code updatedAt} = {@code at}.</li>
 * </ul>
 * Labels never carry values that change during an incident, so firing and resolved share the
 * {@link dev.slopipeline.router.notification.Fingerprint}, computed exactly as Prometheus computes a label set's.
 *
 * <p>{@link dev.slopipeline.router.notification.AlertStore} keeps the latest transition per fingerprint and drops late,
 * older ones.
 */
package dev.slopipeline.router.notification;
