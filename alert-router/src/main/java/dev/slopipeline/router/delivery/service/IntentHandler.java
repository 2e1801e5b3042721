package dev.slopipeline.router.delivery.service;

import dev.slopipeline.kit.result.Decoded;
import dev.slopipeline.router.delivery.DeliveryListener;
import dev.slopipeline.router.delivery.DeliveryLoop;
import dev.slopipeline.router.delivery.DeliveryOutcome;
import dev.slopipeline.router.delivery.PendingDelivery;
import dev.slopipeline.router.notification.IntentCodec;
import dev.slopipeline.router.notification.Notification;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns one intent record into deliveries, one per channel of its receiver, each according to what the
 * {@link Ledger} knows of its key: final and recorded, skipped; final and on its way to the topic, waited for;
 * retrying, resumed where it stood; unknown, submitted. An intent that cannot be delivered at all (unreadable, or for
 * a receiver the config does not have) is recorded as failed, never dropped in silence.
 *
 * <p>A key identifies one notification: a delivery whose key the ledger knows for other content (see
 * {@link NotificationContent}) is no redo, and is not skipped. It is logged as an error, counted, and delivered under
 * a key derived from its content, which then goes through the ledger like any other, so that its own redo is skipped.
 */
final class IntentHandler {

    private static final Logger log = LoggerFactory.getLogger(IntentHandler.class);

    private volatile Integrations integrations;
    private final Ledger ledger;
    private final IntentTracker tracker;
    private final DeliveryLoop loop;
    private final DeliveryListener outcomes;
    private final IntentMetrics metrics;
    private final Clock clock;
    private final IntentCodec codec = new IntentCodec();

    IntentHandler(Integrations integrations, Ledger ledger, IntentTracker tracker, DeliveryLoop loop,
                  DeliveryListener outcomes, IntentMetrics metrics, Clock clock) {
        this.integrations = integrations;
        this.ledger = ledger;
        this.tracker = tracker;
        this.loop = loop;
        this.outcomes = outcomes;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** Fans out the intents read from now on to these receivers' channels (a reloaded config). */
    void integrations(Integrations newer) {
        this.integrations = newer;
    }

    void handle(ConsumerRecord<String, byte[]> record) {
        TopicPartition partition = new TopicPartition(record.topic(), record.partition());
        Decoded<Notification> decoded = codec.decode(record.key(), record.value());
        if (decoded instanceof Decoded.Invalid<Notification> invalid) {
            metrics.unreadable();
            boolean keyed = record.key() != null && !record.key().isBlank();
            String key = keyed ? record.key() : record.topic() + "-" + record.partition() + "@" + record.offset();
            refuse(partition, record.offset(), key, null, null, "unreadable intent: " + invalid.reason());
            return;
        }
        Notification intent = ((Decoded.Ok<Notification>) decoded).value();
        Optional<List<Notification>> deliveries = integrations.deliveries(intent);
        if (deliveries.isEmpty()) {
            metrics.unknownReceiver();
            refuse(partition, record.offset(), intent.idempotencyKey(), intent.groupKey(), intent.receiver(),
                    "no receiver named " + intent.receiver() + " in the router config (known: "
                            + integrations.names() + ")");
            return;
        }
        List<Delivery> open = deliveries.get().stream()
                .map(this::keyedByContent)
                .filter(delivery -> !ledger.isRecordedFinal(delivery.key()))
                .toList();
        // Tracked before they are looked up again and handed over: an outcome recorded in between then still
        // finishes this intent, whichever comes first.
        tracker.track(partition, record.offset(), open.stream().map(Delivery::key).toList());
        open.forEach(this::deliver);
    }

    /** One channel's delivery of an intent, and the digest of what it says. */
    private record Delivery(Notification notification, String content) {
        String key() {
            return notification.idempotencyKey();
        }
    }

    /**
     * The delivery under its own key, unless the ledger knows that key for other content: then under a key derived
     * from its own. A key known without content (recorded before outcomes named it) is taken to be this notification,
     * as it was before: skipped once final, resumed while retrying.
     */
    private Delivery keyedByContent(Notification delivery) {
        String content = NotificationContent.digest(delivery);
        String key = delivery.idempotencyKey();
        Optional<String> known = ledger.content(key);
        if (known.isEmpty() || known.get().equals(content)) {
            return new Delivery(delivery, content);
        }
        String derived = NotificationContent.derivedKey(key, content);
        metrics.keyConflict();
        log.error("idempotency key {} (group {}, receiver {}) was used for content {}, and this intent says {}:"
                        + " delivering it under key {}", key, delivery.groupKey(), delivery.receiver(), known.get(),
                content, derived);
        return new Delivery(Integrations.readdressed(delivery, derived, delivery.receiver(), delivery.alerts()),
                content);
    }

    private void deliver(Delivery delivery) {
        Optional<Ledger.Entry> known = ledger.lookup(delivery.key());
        if (known.isEmpty()) {
            ledger.remember(delivery.key(), delivery.content());
            loop.submit(delivery.notification());
        } else if (known.get() instanceof Ledger.Retrying retrying) {
            ledger.remember(delivery.key(), delivery.content());
            loop.resume(new PendingDelivery(delivery.notification(), retrying.next()));
        } else if (((Ledger.Final) known.get()).recorded()) {
            tracker.finished(delivery.key());
        }
        // Otherwise final and on its way to the topic: recording it finishes this intent too.
    }

    private void refuse(TopicPartition partition, long offset, String key, String groupKey, String receiver,
                        String error) {
        if (ledger.isRecordedFinal(key)) {
            tracker.track(partition, offset, List.of());
            return;
        }
        tracker.track(partition, offset, List.of(key));
        outcomes.onOutcome(new DeliveryOutcome.FailedPermanently(key, groupKey, receiver, 0, clock.instant(), error));
    }
}
