/**
 * The delivery service: the Kafka-backed side of delivery, between {@code router.notifications} and
 * {@code router.deliveries}.
 *
 * <pre>
 *  router.notifications ──► IntentHandler ──► one delivery per channel ──► Dispatcher + DeliveryLoop ──► receivers
 *   (one intent a record)     ▲ skips redos recorded final, resumes retrying ones     │ every outcome
 *                             │                                                       ▼
 *                           Ledger ◄── LedgerReader ◄─────────── router.deliveries ◄── OutcomeWriter
 *                                                                   (compacted)          │ final, acknowledged
 *              IntentTracker: each partition is committed up to its earliest unfinished intent ◄┘
 * </pre>
 *
 * <h2>Wire formats</h2>
 * Intents: {@link dev.slopipeline.router.notification.IntentCodec}, {@code schema/notification-intent.schema.json}.
 * Outcomes: {@link dev.slopipeline.router.delivery.service.OutcomeCodec}, {@code schema/delivery-outcome.schema.json}.
 * A receiver with several channel configs (webhook, then Slack, then PagerDuty, counted from 0) gets one delivery per
 * channel, keyed {@code <idempotency key>#<index>}: that key is the {@code Idempotency-Key} header the channel sees
 * and the record key of its outcomes. Outcomes also name the content delivered under their key
 * ({@link dev.slopipeline.router.delivery.service.NotificationContent}); a notification reusing a key for other content goes
 * by {@code <idempotency key>#<index>~<12 hex digits of its content digest>} (see <i>One key, one notification</i>).
 *
 * <h2>Guarantees</h2>
 * <ul>
 *   <li><b>Never lost.</b> An intent's offset is committed only once every one of its deliveries has a final outcome
 *       (delivered, failed, superseded) and the broker has acknowledged that outcome's record on
 *       {@code router.deliveries}. Until then the intent stays uncommitted and whoever owns its partition next reads it
 *       again. Each failed attempt is recorded as {@code retrying} with its next receiver (the fallback, after
 *       failover), its attempt counts and its next attempt time, so a successor resumes the delivery where it stood,
 *       with the rest of its backoff. A receiver outage (5xx, 408, 429, timeouts, refused connections) only delays:
 *       such failures are retried without limit. What can never be delivered (refused with a 4xx and no fallback
 *       left, an unknown receiver, an unreadable intent) is recorded as {@code failed}, counted and logged, never
 *       dropped in silence. A channel configured without {@code send_resolved} is, as in Alertmanager, not told of
 *       groups whose alerts have all resolved.</li>
 *   <li><b>Never doubled</b> to a receiver that honours the idempotency key: every attempt of a delivery, on its
 *       receiver, on its fallback and after any restart, carries the same key. Beyond that the service avoids
 *       repeats itself: before it handles the intents of a partition it is assigned, it reads
 *       {@code router.deliveries} to its end, and skips every delivery recorded as final there; within one run, a
 *       delivery reported final is not started again, and a repeat of a pending one is ignored. Only a redo is
 *       skipped: see the next point.</li>
 *   <li><b>One key, one notification.</b> The service never skips a notification whose content it has not delivered.
 *       An intent whose key (per channel) is known for other content, a bug of whoever wrote it, is logged as an
 *       error, counted ({@code slo.router.intent.key.conflicts}) and delivered under a key derived from its content, which
 *       is skipped like any other once final, so that a redo of that intent is not delivered twice either. Content is
 *       the receiver, the group and each alert's fingerprint, status, start and end: links and the acknowledgement
 *       may differ in a redo. A key known only from records written before outcomes named their content is taken to
 *       be the same notification, and skipped as before.</li>
 *   <li><b>The one window.</b> A receiver can see a key twice after it answered 2xx only if the instance that sent
 *       it stops (crash, kill, or its partition moving to another instance during the attempt) after the 2xx and
 *       before the broker acknowledged the {@code delivered} record: a few milliseconds (the rest of the HTTP
 *       exchange plus one produce round trip). Whoever delivers the intent next cannot know, and sends it again under
 *       the same key, which the receiver drops. Recording failing for longer than the producer's delivery timeout
 *       widens this window to the next restart; it is logged as an error. Separately, and inherent to any retrying
 *       sender, an attempt that timed out or was refused with a 5xx may still have been processed: its retry, or its
 *       fallback, repeats the key for the same reason.</li>
 *   <li><b>Order.</b> Intents of a partition are handled in offset order. A newer intent for the same receiver and
 *       group supersedes an older one not yet delivered. Outcomes of one group go to one partition, in the order they
 *       happened, so a durable {@code delivered} for a newer intent implies a durable {@code superseded} for the older
 *       one, and a restart never resumes the stale one.</li>
 * </ul>
 *
 * <h2>Configuration (slo-pipeline extensions of Alertmanager's format)</h2>
 * <ul>
 *   <li>{@code fallback: <receiver>} on a receiver: after {@code attempts_before_failover} failed attempts on one of
 *       its channels, or at once on a permanent refusal, that channel's delivery moves to the fallback, under the same
 *       key. The fallback must exist and have exactly one channel; chains must end.</li>
 *   <li>{@code slo_signing_secret_file: <path>} (relative to the config's folder) or
 *       {@code slo_signing_secret_env: <VARIABLE>} on a webhook config: the HMAC key of the
 *       {@code X-Slo-Signature} header (see {@code delivery.webhook}), read at each use so rotation needs no
 *       restart.</li>
 *   <li>As in Alertmanager, every credential may come from a file instead: {@code url_file} on a webhook,
 *       {@code api_url_file} on Slack (and {@code global.slack_api_url_file}), {@code routing_key_file} on PagerDuty,
 *       read when the config loads (see {@code secret.SecretFields}). {@code url} (or {@code global.pagerduty_url})
 *       is Alertmanager's full {@code .../v2/enqueue} endpoint.</li>
 *   <li>A top-level {@code delivery} section:
 *       {@code {retry_initial_backoff: 1s, retry_max_backoff: 5m, attempts_before_failover: 3}} (the defaults):
 *       exponential backoff with full jitter between zero and a ceiling that starts at the first value, doubles with
 *       each failure and stops at the second.</li>
 * </ul>
 *
 * <h2>Topics</h2>
 * Created when missing, with the broker's default replication factor: {@code router.notifications}
 * ({@code cleanup.policy=delete}) and {@code router.deliveries} ({@code cleanup.policy=compact}), each with the
 * configured number of partitions ({@link dev.slopipeline.router.delivery.service.DispatchTopics}). The intents' consumer
 * uses a configurable group id, {@code read_committed}, {@code earliest} reset and manual commits; the outcomes'
 * producer uses {@code acks=all} with idempotence.
 *
 * <h2>Metrics</h2>
 * The dispatcher's {@code slo.router.notifications}, {@code slo.router.delivery.latency} and {@code slo.router.deliveries.pending},
 * plus {@code slo.router.intents.unfinished}, {@code slo.router.intents.consumption.paused}, {@code slo.router.intents.refused}
 * and {@code slo.router.intent.key.conflicts} ({@link dev.slopipeline.router.delivery.service.IntentMetrics}). Give each service its own registry, or one per process:
 * gauges stay bound to the service that registered them.
 */
package dev.slopipeline.router.delivery.service;
