package dev.slopipeline.router.delivery.service;

import dev.slopipeline.router.delivery.DeliveryOutcome;
import dev.slopipeline.router.delivery.RetryState;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What is known of each delivery key: from {@code router.deliveries} (read at start and after every rebalance) and
 * from this instance's own outcomes as it reports them. Final outcomes are final: a retrying record read after one,
 * from an instance that had not heard of it yet, does not reopen the key. Beside where it stands, the ledger remembers
 * the content (a {@link NotificationContent} digest) each key was used for, so that an intent reusing a key for other
 * content is not mistaken for a redo. Thread-safe.
 */
final class Ledger {

    /** Where one delivery key stands. */
    sealed interface Entry permits Final, Retrying {
    }

    /**
     * Delivered, failed or superseded: never attempted again.
     *
     * @param recorded whether {@code router.deliveries} holds it durably, or it is still on its way there
     */
    record Final(boolean recorded) implements Entry {
    }

    /** Still being delivered; {@code next} resumes it after a restart, keeping its attempts and its wait. */
    record Retrying(RetryState next) implements Entry {
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final Map<String, String> contents = new ConcurrentHashMap<>();

    /** An outcome read from the topic, which makes it recorded. */
    void learn(DeliveryOutcome outcome) {
        if (isFinal(outcome)) {
            entries.put(outcome.idempotencyKey(), new Final(true));
        } else {
            keepUnlessFinal(outcome);
        }
    }

    /** An outcome this instance reports, before the broker has acknowledged its record. */
    void reported(DeliveryOutcome outcome) {
        if (isFinal(outcome)) {
            entries.merge(outcome.idempotencyKey(), new Final(false), (known, now) -> known instanceof Final ? known : now);
        } else {
            keepUnlessFinal(outcome);
        }
    }

    /** The broker acknowledged the record of an outcome this instance reported. */
    void recorded(DeliveryOutcome outcome) {
        if (isFinal(outcome)) {
            entries.put(outcome.idempotencyKey(), new Final(true));
        }
    }

    /** The content a key is used for: read from its record, or handed over for delivery by this instance. */
    void remember(String deliveryKey, String content) {
        contents.put(deliveryKey, content);
    }

    /** Empty for a key unknown, or known only from records written before outcomes named their content. */
    Optional<String> content(String deliveryKey) {
        return Optional.ofNullable(contents.get(deliveryKey));
    }

    Optional<Entry> lookup(String deliveryKey) {
        return Optional.ofNullable(entries.get(deliveryKey));
    }

    boolean isRecordedFinal(String deliveryKey) {
        return entries.get(deliveryKey) instanceof Final known && known.recorded();
    }

    static boolean isFinal(DeliveryOutcome outcome) {
        return !(outcome instanceof DeliveryOutcome.Retrying);
    }

    private void keepUnlessFinal(DeliveryOutcome outcome) {
        Retrying retrying = new Retrying(((DeliveryOutcome.Retrying) outcome).next());
        entries.merge(outcome.idempotencyKey(), retrying, (known, now) -> known instanceof Final ? known : now);
    }
}
