/**
 * The alert router as a Kafka Streams topology (Processor API): {@link dev.slopipeline.router.topology.RouterTopology#build}
 * with a {@link dev.slopipeline.router.topology.RouterTopologyConfig}.
 *
 * <pre>
 *  slo.alerts ─► route ─┬─► router.groups ─► group ──┬─► router.notifications (key: idempotency key)
 *  (key: SLO)           │   (key: group key)  │ store group-engine (one engine snapshot per task)
 *                       │                     │ reads silences-global, active-alerts-global
 *                       │                     └─► router.pages ─► incidents ─┬─► router.incidents (compacted)
 *                       │                         (key: SLO)         ▲       └─► router.notifications
 *                       │                                            │ store router-incidents
 *                       │                          router.incident-commands (key: SLO)
 *                       └─► router.active-alerts (compacted, key: fingerprint) ─► active-alerts-global
 *  router.posted-alerts ─► posted-alerts ─► as route: router.groups, router.active-alerts
 *  (key: fingerprint)       store posted-alerts-firing (in route's tasks)
 *  router.commands ─► silence-commands ─► router.silences (compacted) ─► silences-global
 *  (key: silence id)      └─► router.commands, partition 0 (creates, to the one task that decides them)
 *  every processor ─► router.dlq (refused records, reason in a header)
 * </pre>
 * Each arrow between processors is a topic, so each part is a sub-topology of its own, scaled by its topic's
 * partitions, and a task's state always belongs to the same partitions.
 *
 * <h2>One owner per group</h2>
 * Alertmanager groups alerts by route and group key, whatever alert source they came from; a router task that
 * grouped only the SLOs of its own {@code slo.alerts} partitions would split a group that spans SLOs (a route with
 * {@code group_by: [service]}, say) into partial groups under one group key, sending partial notifications. So
 * {@code route} ({@link dev.slopipeline.router.topology.RouteProcessor}) only matches routes: it sends each alert once
 * per distinct group key it gets to {@code router.groups}, keyed by that key, and {@code group}
 * ({@link dev.slopipeline.router.topology.GroupProcessor}) owns every group whose key lands on its partition. An
 * alert that matches several routes is in several groups, perhaps owned by several tasks, exactly as Alertmanager
 * has one aggregation group per route. Inhibition needs every firing alert, not only those of a task's groups:
 * {@code route} also writes each alert to the compacted {@code router.active-alerts} (a tombstone when it resolves),
 * which every instance reads into {@code active-alerts-global}; the engine merges it with its own alerts at every
 * flush (the later transition of an alert wins).
 *
 * <h2>Incidents</h2>
 * A notification of {@code group} that reaches a receiver named in {@code paging.receivers} also goes to
 * {@code router.pages}, once per SLO whose page it carries, keyed by that SLO. {@code incidents}
 * ({@link dev.slopipeline.router.oncall.incident.IncidentProcessor}) reads it with {@code router.incident-commands}, also
 * keyed by SLO and with the same partition count, so one task owns an SLO's incident, its escalation timers (wall
 * clock) and its acknowledgements. Its store {@code router-incidents} has a changelog; every change goes, in the same
 * transaction, to the compacted {@code router.incidents} (read back by every instance into the global store
 * {@code incidents-global} for the API) and its pages to {@code router.notifications}. With a {@code heartbeat}
 * section, {@code heartbeats-global} holds the streams app's latest heartbeats, and the {@code route} task of
 * partition 0 raises and resolves the silent-pipeline page (remembered in its store
 * {@code route-silent-pipeline-page}), routed like any alert.
 *
 * <h2>Grouping</h2>
 * One {@link dev.slopipeline.router.routing.group.GroupingEngine} per {@code group} task, driven by the wall clock
 * ({@code currentSystemTimeMs}): each alert is taken in and due groups flushed at once; a wall-clock punctuator
 * (default every second) flushes the rest. The engine's whole state (alerts, groups with their timers, notification
 * log) is one snapshot under the key {@code "engine"} of the task's store; one per task suffices because a task's
 * partitions never change. The snapshot is written in the same exactly-once transaction as the notifications and
 * the consumed offsets, and read back when the task starts, so a restart or a move to another instance neither
 * drops nor repeats a notification. A reloaded config applies from the next alert or tick; a group whose route is
 * gone regroups its alerts in the same task, and an alert sent to a group key that the task's config does not give
 * it (two routers briefly on different configs) joins every group its routes give it there rather than being lost.
 *
 * <h2>Silences</h2>
 * A silence must mute alerts on every partition, so every task needs all of them, while a silence's changes must be
 * decided in one place. Hence two halves:
 * <ul>
 *   <li>{@code silence-commands} is the single writer: one task owns each silence. The task of partition 0 of
 *       {@code router.commands} creates every silence (the others pass creates on to that partition), checking
 *       {@link dev.slopipeline.router.routing.silence.Silences}' rules (validation, the limits on number and length,
 *       duplicate ids) against every silence there is, so the limits hold however many instances run. An expiry is
 *       applied by the task that holds the silence. It publishes the resulting silence to the compacted
 *       {@code router.silences}, and sends refused commands to {@code router.dlq} with the reason. Silences that
 *       ended {@link dev.slopipeline.router.routing.silence.Silences#RETENTION} ago get a tombstone.</li>
 *   <li>Every instance replays {@code router.silences} into the global store {@code silences-global}; the
 *       group processor refreshes its {@code Silences} from it before each flush (decoding only what
 *       changed).</li>
 * </ul>
 * The API only ever produces commands; the compacted topic is the durable, readable list of silences (an API
 * instance can serve {@code GET /silences} from the same global store). A silence takes effect once the global
 * thread has read it, typically within a commit interval.
 *
 * <h2>Formats</h2>
 * <ul>
 *   <li>{@code slo.alerts}: {@link dev.slopipeline.definitions.alert.AlertCodec}. Unreadable records go to
 *       {@code router.dlq} unchanged, with headers {@code slo.dlq.reason} and {@code slo.dlq.topic}; processing goes on.</li>
 *   <li>{@code router.commands}: {@link dev.slopipeline.router.topology.SilenceCommandCodec}.</li>
 *   <li>{@code router.posted-alerts}: {@link dev.slopipeline.router.topology.PostedAlertCodec}, written by the API's
 *       {@code POST /api/v2/alerts}; {@link dev.slopipeline.router.topology.PostedAlertProcessor} gives them
 *       Alertmanager's lifetime (resolved at {@code endsAt}, or {@code resolve_timeout} after the last send) and
 *       routes their changes like SLO alerts, in the tasks of {@code route} (both topics have as many
 *       partitions).</li>
 *   <li>{@code router.silences}: one silence per record, see {@code SilenceRecords}.</li>
 *   <li>{@code router.groups}, {@code router.active-alerts}: one alert as
 *       {@link dev.slopipeline.router.notification.AlertJson} (labels, annotations, startsAt, endsAt, updatedAt).</li>
 *   <li>{@code router.notifications}, {@code router.pages}: {@link dev.slopipeline.router.notification.IntentCodec} (the
 *       Alertmanager webhook shape), keyed by idempotency key and by SLO.</li>
 * </ul>
 *
 * <h2>Metrics</h2>
 * The notification pipeline counts into the configured registry through
 * {@link dev.slopipeline.router.routing.group.MicrometerPipelineMetrics}.
 */
package dev.slopipeline.router.topology;
