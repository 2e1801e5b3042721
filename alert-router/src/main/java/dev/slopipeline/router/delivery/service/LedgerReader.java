package dev.slopipeline.router.delivery.service;

import dev.slopipeline.kit.result.Decoded;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads {@code router.deliveries} into the {@link Ledger} up to its end as of the call: all of it the first time,
 * only what is new afterwards. Called before intents of newly assigned partitions are handled, so an intent whose
 * delivery is already recorded as final (by this instance before a crash, or by another before a rebalance) is not
 * delivered again, and the content each key was used for is known. Not thread-safe: the poller thread alone uses it.
 */
final class LedgerReader implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LedgerReader.class);
    private static final Duration POLL = Duration.ofMillis(100);

    private final Consumer<String, byte[]> consumer;
    private final String topic;
    private final Ledger ledger;
    private final Duration timeout;
    private final OutcomeCodec codec = new OutcomeCodec();
    private final Set<TopicPartition> assigned = new HashSet<>();

    /** @param consumer a consumer without a group: positions live here, never in Kafka */
    LedgerReader(Consumer<String, byte[]> consumer, String topic, Ledger ledger, Duration timeout) {
        this.consumer = consumer;
        this.topic = topic;
        this.ledger = ledger;
        this.timeout = timeout;
    }

    /** @throws TimeoutException when the end is not reached within the timeout: deciding without it could double */
    void catchUp() {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<TopicPartition> partitions = consumer.partitionsFor(topic, timeout).stream()
                .map(info -> new TopicPartition(topic, info.partition()))
                .toList();
        if (!assigned.containsAll(partitions)) {
            Set<TopicPartition> added = new HashSet<>(partitions);
            added.removeAll(assigned);
            assigned.addAll(partitions);
            consumer.assign(assigned);
            consumer.seekToBeginning(added);
        }
        Map<TopicPartition, Long> end = consumer.endOffsets(assigned, timeout);
        int read = 0;
        while (!reached(end)) {
            if (System.nanoTime() > deadline) {
                throw new TimeoutException("could not read " + topic + " to its end within " + timeout);
            }
            for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
                learn(record);
                read++;
            }
        }
        log.debug("read {} outcome(s) from {}", read, topic);
    }

    private boolean reached(Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey(), timeout) >= e.getValue());
    }

    private void learn(ConsumerRecord<String, byte[]> record) {
        Decoded<OutcomeCodec.Recorded> decoded = codec.decodeRecorded(record.key(), record.value());
        if (decoded instanceof Decoded.Ok<OutcomeCodec.Recorded> ok) {
            ledger.learn(ok.value().outcome());
            if (ok.value().content() != null) {
                ledger.remember(record.key(), ok.value().content());
            }
        } else if (record.value() != null) {
            log.warn("ignoring unreadable outcome at {}-{}@{}: {}", record.topic(), record.partition(),
                    record.offset(), ((Decoded.Invalid<OutcomeCodec.Recorded>) decoded).reason());
        }
    }

    @Override
    public void close() {
        consumer.close();
    }
}
