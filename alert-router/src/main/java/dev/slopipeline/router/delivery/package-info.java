/**
 * Delivery: telling receivers about alert groups, reliably.
 *
 * <pre>
 *   Notification ──► Dispatcher.submit ──► deliverDue() ──► Receiver (Channel + Target) ──► HTTP
 *                         │                    ▲   │                       │ fails N times / refuses
 *                         │     next attempt at│   ▼                       ▼
 *                    pending() ◄── RetryState ─┘ DeliveryOutcome ──► DeliveryListener (router.deliveries)
 *                                                                  └► fallback Receiver, same idempotency key
 * </pre>
 *
 * <ul>
 *   <li>{@link dev.slopipeline.router.notification.Notification}: one alert group's full state for one receiver, with
 *       a caller-chosen idempotency key that survives retries, failover and restarts.</li>
 *   <li>{@link dev.slopipeline.router.delivery.Channel}: makes one attempt and classifies it
 *       ({@link dev.slopipeline.router.delivery.DeliveryResult}); implementations in {@code webhook}
 *       (Alertmanager v4, signed), {@code slack} (incoming webhook) and {@code pagerduty} (Events API v2).</li>
 *   <li>{@link dev.slopipeline.router.delivery.Dispatcher}: retries with capped exponential backoff and full
 *       jitter, fails over, never drops silently, reports every outcome and keeps metrics. It does not wait by
 *       itself: {@link dev.slopipeline.router.delivery.Dispatcher#deliverDue()} is the tick, driven by
 *       {@link dev.slopipeline.router.delivery.DeliveryLoop} in production and by tests on a hand-moved clock.</li>
 * </ul>
 *
 * <p>The human-facing channels read SLO facts from conventional label and annotation keys; see
 * {@link dev.slopipeline.router.notification.SloFacts}. Nothing in this package knows about Kafka: the delivery
 * service next to it, {@link dev.slopipeline.router.delivery.service.DeliveryService}, reads
 * {@code router.notifications}, writes {@code router.deliveries} and calls into it.
 *
 * <p>The room reads its own sections of the router config: {@link dev.slopipeline.router.delivery.ReceiverReader}
 * the {@code receivers} with their channels ({@link dev.slopipeline.router.delivery.ReceiverConfig}) and fallbacks,
 * {@link dev.slopipeline.router.delivery.RetryPolicyReader} the {@code delivery} section; {@code config} only puts the
 * sections together, and delivery reads the result through its own view of it,
 * {@link dev.slopipeline.router.delivery.DeliveryConfig}.
 *
 * <p>Delivery is one of the router's three rooms, next to routing and on-call; it reads the notification model in
 * {@code notification} and nothing of the other two.
 */
package dev.slopipeline.router.delivery;
