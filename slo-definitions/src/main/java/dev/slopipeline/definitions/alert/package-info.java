/**
 * The output contract: alert transitions as the streams app writes them to {@code slo.alerts}
 * (and replay prints them), read by the alert router and by tools outside the project.
 *
 * <p>Wire rules (mirrored by {@code schema/alert.schema.json} in this module's resources):
 * <ul>
 *   <li>One JSON object per transition, fields in a fixed order, only {@code journey} and
 *       {@code exhaustionAt} ever absent; collections are written even when empty.</li>
 *   <li>Instants are ISO-8601 UTC with seconds, e.g. {@code "2026-11-23T10:04:00Z"}; a fraction
 *       appears only when the instant has one.</li>
 *   <li>Durations use the compact form of {@link dev.slopipeline.definitions.alert.WireDurations}:
 *       {@code "5m"}, {@code "1h"}, {@code "3d"}.</li>
 *   <li>Enumerations are lower case. Unknown fields are ignored when decoding, at every level, so
 *       a newer producer does not break an older router.</li>
 * </ul>
 *
 * <p>The contract is kept here, once, for its writer and its readers:
 * <ul>
 *   <li>{@link dev.slopipeline.definitions.alert.Alert#DEFAULT_TOPIC}, the topic's default name;</li>
 *   <li>{@link dev.slopipeline.definitions.alert.AlertState}, firing or resolved, the one such enum of the
 *       project;</li>
 *   <li>{@link dev.slopipeline.definitions.alert.AlertLabels}, the label and annotation keys, and the labels of an
 *       alert as the streams app writes them and as the router knows the alert by;</li>
 *   <li>{@link dev.slopipeline.definitions.alert.AlertWording}, the summary and description the streams app writes,
 *       and the annotations the router passes on, the runbook among them under Alertmanager's
 *       {@code runbook_url} (the wire keeps its {@code runbook}).</li>
 * </ul>
 */
package dev.slopipeline.definitions.alert;
