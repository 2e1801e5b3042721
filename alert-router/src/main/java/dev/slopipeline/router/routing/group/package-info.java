/**
 * Grouping and the notification decision: Alertmanager's dispatcher, aggregation groups and notification pipeline
 * as plain state driven by explicit time.
 *
 * <pre>
 *   LabelledAlert ─► GroupingEngine.onAlert ─► one AggregationGroup per matching route and group key
 *                                                   │ group_wait, then every group_interval
 *   GroupingEngine.tick(now) ─► NotificationPipeline: inhibit ─► time_mute ─► silence ─► dedup ─► Notification
 *                                                                                   ▲          │
 *                                                                    NotificationLog └──────────┘
 * </pre>
 *
 * <h2>Semantics</h2>
 * <ul>
 *   <li>A group opens when its first alert arrives and first flushes group_wait later (at once if that alert
 *       started more than group_wait ago and the group never flushed), then every group_interval after each flush.
 *       An alert on several routes (continue) is in one group per route.</li>
 *   <li>At a flush the group's alerts, in label order, pass the stages; dedup lets them through when
 *       ({@link dev.slopipeline.router.routing.group.FlushReason}) alerts fire that the last notification did not list, or
 *       everything resolved after the last notification listed firing alerts, or (send_resolved) alerts resolved
 *       that it did not list as resolved, or more than repeat_interval passed since it. If every alert is muted, or
 *       dedup finds nothing new, nothing is logged.</li>
 *   <li>Resolved alerts leave their group at every flush, notified or not; a group left empty closes at once
 *       (Alertmanager closes it at its next maintenance, within 30 s).</li>
 *   <li>Resolved alerts are not sent to a receiver none of whose channels has send_resolved; when nothing else is
 *       left, nothing is sent, but the log still records the resolution.</li>
 * </ul>
 *
 * <h2>Idempotency keys</h2>
 * Each notification's key is derived from its group key, receiver and the log's sequence number for that pair
 * (see {@code Notifications.idempotencyKey}): 32 hex digits, stable across delivery retries, and across restarts
 * because the log is saved with the output.
 *
 * <h2>Driving it from Kafka Streams</h2>
 * One engine per stream task, built from the router config (a
 * {@link dev.slopipeline.router.routing.group.GroupingConfig}) and
 * {@link dev.slopipeline.router.routing.group.NotificationPipeline#standard}:
 * <ol>
 *   <li>On start: read the snapshot from the task's key-value store and
 *       {@link dev.slopipeline.router.routing.group.GroupingEngine#importState} it with the wall-clock time.</li>
 *   <li>On each record of {@code slo.alerts}: {@code onAlert(SloAlerts.toLabelled(alert), now)}, then
 *       {@code tick(now)} (an old alert may be due at once) and forward the notifications to
 *       {@code router.notifications}.</li>
 *   <li>On a {@code WALL_CLOCK_TIME} punctuation (every second or so): {@code tick(now)} and forward the
 *       notifications; {@link dev.slopipeline.router.routing.group.GroupingEngine#nextDueAt} says when anything is due.</li>
 *   <li>After any call that returned notifications or took in an alert: put
 *       {@link dev.slopipeline.router.routing.group.GroupingStateCodec#encode} of
 *       {@link dev.slopipeline.router.routing.group.GroupingEngine#exportState} in the store, so that under exactly-once
 *       the state, the consumed offsets and the notifications commit together.</li>
 * </ol>
 * {@code now} is the wall clock ({@code ProcessorContext.currentSystemTimeMs()}), not the record's event time:
 * group_wait and friends are about when humans are told. Inhibition only sees alerts in the same task, so
 * {@code slo.alerts} should be keyed by SLO, which keeps the page and the ticket of an SLO together.
 */
package dev.slopipeline.router.routing.group;
