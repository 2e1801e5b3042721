package dev.slopipeline.streams.publish;

import dev.slopipeline.definitions.publish.DefinitionChanges;
import dev.slopipeline.definitions.publish.DefinitionRecord;
import dev.slopipeline.definitions.publish.DefinitionRecords;
import dev.slopipeline.kit.yaml.Problem;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code slo apply}: brings the {@code slo.definitions} topic in line with a validated definition set.
 *
 * <p>All records of one apply go out in one transaction, so the app, reading committed records only,
 * never rebuilds its set from half an apply (an SLO without the Service it names). Two applies at the
 * same time share the transactional id, so the later one fences the earlier one off instead of
 * interleaving with it.
 */
public final class DefinitionPublisher {

    private static final Logger LOG = LoggerFactory.getLogger(DefinitionPublisher.class);

    private final Map<String, Object> clientProperties;
    private final DefinitionsTopic topic;
    private final Optional<Short> replication;

    /**
     * @param topic where to publish; its client properties are used for the producer too
     * @param replication of the topic if this apply creates it; empty for the broker's default
     */
    public DefinitionPublisher(Map<String, Object> clientProperties, DefinitionsTopic topic, Optional<Short> replication) {
        this.clientProperties = Map.copyOf(clientProperties);
        this.topic = topic;
        this.replication = replication;
    }

    /** @throws IllegalArgumentException if the set was refused; nothing is read or written then */
    public ApplyResult apply(DefinitionRecords records, ApplyOptions options) {
        if (records.isRefused()) {
            throw new IllegalArgumentException("Refusing to publish definitions with errors:\n" + records.problems().stream()
                    .filter(Problem::isError).map(Problem::toString).collect(Collectors.joining("\n")));
        }
        DefinitionChanges changes = records.changesFrom(topic.readCurrent());
        List<DefinitionRecord> writes = changes.writes(options.prune());
        if (options.dryRun() || writes.isEmpty()) {
            return new ApplyResult(changes, List.of());
        }
        if (topic.createIfMissing(replication)) {
            LOG.info("Created the compacted topic {}", topic.name());
        }
        send(writes);
        LOG.info("Applied {} record(s) to {}: {}", writes.size(), topic.name(), changes.summary(options.prune()));
        return new ApplyResult(changes, writes);
    }

    private void send(List<DefinitionRecord> writes) {
        Map<String, Object> config = new HashMap<>(clientProperties);
        config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "slo-apply-" + topic.name());
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
            producer.initTransactions();
            producer.beginTransaction();
            try {
                for (DefinitionRecord record : writes) {
                    producer.send(new ProducerRecord<>(topic.name(), record.key(), record.value()));
                }
                producer.commitTransaction();
            } catch (ProducerFencedException e) {
                // Aborting is not allowed once fenced; the other apply's transaction is the one that counts.
                throw new IllegalStateException("Another apply to " + topic.name() + " started meanwhile and won; "
                        + "nothing of this one was written. Run it again to see the difference.", e);
            } catch (KafkaException e) {
                producer.abortTransaction();
                throw e;
            }
        }
    }
}
