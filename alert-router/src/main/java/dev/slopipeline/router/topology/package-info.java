/**
 * The alert router as a Kafka Streams topology (Processor API): {@link dev.slopipeline.router.topology.RouterTopology#build}
 * with a {@link dev.slopipeline.router.topology.RouterTopologyConfig}.
 *
 * <pre>
 *  slo.alerts ─► slo-alerts-source ─► route-and-group ──────────────► notifications-sink ─► router.notifications
 *  (key: SLO)                         │ store route-and-group-engine         (key: idempotency key)
 *                                     │ (one engine snapshot per task)
 *                                     │ WALL_CLOCK punctuation: flush due groups
 *                                     │ reads ▼ at every flush
 *                                     │   silences-global (global store, every instance holds every silence)
 *                                     │        ▲ silences-global-updater ◄─ silences-global-source ◄─┐
 *                                     └────────────────────────────► dead-letter-sink ─► router.dlq  │
 *  router.commands ─► router-commands-source ─► silence-commands ───┘                                │
 *  (key: silence id)                            │ store silence-commands-silences                    │
 *                                               └──────────────► silences-sink ─► router.silences ───┘
 *                                                                                (compacted, key: silence id)
 * </pre>
 *
 * <h2>Incidents</h2>
 * The intents of route-and-group also go to {@code incidents} ({@link dev.slopipeline.router.incident.IncidentProcessor}),
 * which opens an incident for a page that reached a receiver named in {@code paging.receivers}, escalates it on the wall
 * clock and applies acknowledgements and resolutions from {@code router.incident-commands} (keyed by SLO, like
 * {@code slo.alerts}, so the same task owns an SLO's alerts and its incidents). Its store {@code router-incidents} has a
 * changelog; every change goes, in the same transaction, to the compacted {@code router.incidents} (read back by every
 * instance into the global store {@code incidents-global} for the API) and its pages to {@code router.notifications}.
 * With a {@code heartbeat} section, {@code heartbeats-global} holds the streams app's latest heartbeats and the
 * route-and-group task of partition 0 raises and resolves the silent-pipeline page.
 *
 * <h2>Grouping</h2>
 * One {@link dev.slopipeline.router.group.GroupingEngine} per stream task, driven by the wall clock
 * ({@code currentSystemTimeMs}): each alert is taken in and due groups flushed at once; a wall-clock punctuator
 * (default every second) flushes the rest. The engine's whole state (alerts, groups with their timers, notification
 * log) is one snapshot under the key {@code "engine"} of the task's store; one per task suffices because a task's
 * partitions never change. The snapshot is written in the same exactly-once transaction as the notifications and
 * the consumed offsets, and read back when the task starts, so a restart or a move to another instance neither
 * drops nor repeats a notification. Keep {@code slo.alerts} keyed by SLO: inhibition only sees the alerts of one
 * task. The router config is fixed for the topology's life; changing it takes a restart (no hot reload yet).
 *
 * <h2>Silences</h2>
 * A silence must mute alerts on every partition, so every task needs all of them, while a silence's changes must be
 * decided in one place. Hence two halves:
 * <ul>
 *   <li>{@code silence-commands} is the single writer: {@code router.commands} is keyed by silence id, so one task
 *       owns each silence. It applies {@link dev.slopipeline.router.silence.Silences}' rules (validation, duplicate
 *       and unknown ids, expiry) against its own store, publishes the resulting silence to the compacted
 *       {@code router.silences}, and sends refused commands to {@code router.dlq} with the reason. Silences that
 *       ended {@link dev.slopipeline.router.silence.Silences#RETENTION} ago get a tombstone.</li>
 *   <li>Every instance replays {@code router.silences} into the global store {@code silences-global}; the
 *       route-and-group processor refreshes its {@code Silences} from it before each flush (decoding only what
 *       changed).</li>
 * </ul>
 * The API only ever produces commands; the compacted topic is the durable, readable list of silences (an API
 * instance can serve {@code GET /silences} from the same global store). A silence takes effect once the global
 * thread has read it, typically within a commit interval.
 *
 * <h2>Formats</h2>
 * <ul>
 *   <li>{@code slo.alerts}: {@link dev.slopipeline.definitions.alert.AlertCodec}. Unreadable records go to
 *       {@code router.dlq} unchanged, with headers {@code dlq.reason} and {@code dlq.topic}; processing goes on.</li>
 *   <li>{@code router.commands}: {@link dev.slopipeline.router.topology.SilenceCommandCodec}.</li>
 *   <li>{@code router.silences}: one silence per record, see {@code SilenceRecords}.</li>
 *   <li>{@code router.notifications}: {@link dev.slopipeline.router.dispatch.IntentCodec} (the Alertmanager
 *       webhook shape; to be unified with the dispatcher's reader at merge).</li>
 * </ul>
 *
 * <h2>Metrics</h2>
 * The notification pipeline counts into the configured registry through
 * {@link dev.slopipeline.router.group.MicrometerPipelineMetrics}.
 */
package dev.slopipeline.router.topology;
