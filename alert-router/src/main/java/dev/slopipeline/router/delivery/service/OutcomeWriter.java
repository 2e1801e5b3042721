package dev.slopipeline.router.delivery.service;

import dev.slopipeline.router.delivery.DeliveryListener;
import dev.slopipeline.router.delivery.DeliveryOutcome;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.utils.Utils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records every outcome on {@code router.deliveries}, with the content the {@link Ledger} knows its key was used for,
 * and, once the broker has it, lets the intents waiting for a final outcome be committed.
 *
 * <p>Outcomes of one alert group all go to one partition, chosen by the group key, so they are stored in the order
 * they happened: when a newer notification's delivery is durable, so is the record that an older one was superseded
 * by it, and a restart never resumes the stale one. A key's group never changes, so compaction still sees all records
 * of a key in one partition.
 */
final class OutcomeWriter implements DeliveryListener {

    private static final Logger log = LoggerFactory.getLogger(OutcomeWriter.class);

    private final Producer<String, byte[]> producer;
    private final String topic;
    private final int partitions;
    private final Ledger ledger;
    private final IntentTracker tracker;
    private final OutcomeCodec codec = new OutcomeCodec();
    private volatile boolean stopped;

    OutcomeWriter(Producer<String, byte[]> producer, String topic, int partitions, Ledger ledger,
                  IntentTracker tracker) {
        this.producer = producer;
        this.topic = topic;
        this.partitions = partitions;
        this.ledger = ledger;
        this.tracker = tracker;
    }

    @Override
    public void onOutcome(DeliveryOutcome outcome) {
        if (stopped) {
            return;
        }
        ledger.reported(outcome);
        String content = ledger.content(outcome.idempotencyKey()).orElse(null);
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, partition(outcome),
                outcome.idempotencyKey(), codec.encode(new OutcomeCodec.Recorded(outcome, content)));
        producer.send(record, (metadata, error) -> {
            if (error != null) {
                // The intent stays uncommitted: after a restart it is delivered again, under the same key.
                log.error("could not record the {} outcome of {} on {}; its intent stays uncommitted",
                        OutcomeCodec.wireName(outcome), outcome.idempotencyKey(), topic, error);
                return;
            }
            ledger.recorded(outcome);
            if (Ledger.isFinal(outcome)) {
                tracker.finished(outcome.idempotencyKey());
            }
        });
    }

    /** Drops every later outcome, as a process that died would; only for simulating crashes. */
    void stop() {
        stopped = true;
    }

    private Integer partition(DeliveryOutcome outcome) {
        if (outcome.groupKey() == null) {
            return null;
        }
        return Utils.toPositive(Utils.murmur2(outcome.groupKey().getBytes(StandardCharsets.UTF_8))) % partitions;
    }
}
