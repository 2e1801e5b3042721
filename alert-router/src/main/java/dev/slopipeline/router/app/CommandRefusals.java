package dev.slopipeline.router.app;

import dev.slopipeline.kit.deadletter.DeadLetterHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The commands the topology refused since this instance started, by record key, as {@code router.dlq} tells them:
 * the API waits on them to tell a caller that a silence it sent was refused, and why, when the refusal could only be
 * decided where the command was applied (two instances' silences together over the limit, say).
 */
final class CommandRefusals implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CommandRefusals.class);
    /** Far more than the API waits on at once; the oldest are forgotten first. */
    private static final int REMEMBERED = 1_000;

    private final KafkaConsumer<String, byte[]> consumer;
    private final String commandsTopic;
    private final Map<String, String> reasons = Collections.synchronizedMap(new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > REMEMBERED;
        }
    });
    private final Thread reader;

    private CommandRefusals(KafkaConsumer<String, byte[]> consumer, String commandsTopic) {
        this.consumer = consumer;
        this.commandsTopic = commandsTopic;
        this.reader = new Thread(this::read, "router-command-refusals");
        this.reader.setDaemon(true);
    }

    /**
     * Reads {@code deadLetters} from its end on: only what is refused from now on counts. Returns once the end is
     * fixed, so a command sent after this returns is seen if refused.
     */
    static CommandRefusals start(Map<String, Object> clientProperties, String deadLetters, String commandsTopic) {
        Map<String, Object> config = new HashMap<>(clientProperties);
        // no group: every instance reads every refusal, and nothing is committed
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new ByteArrayDeserializer());
        try {
            List<TopicPartition> partitions = consumer.partitionsFor(deadLetters).stream()
                    .map(info -> new TopicPartition(deadLetters, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);
        } catch (RuntimeException e) {
            consumer.close();
            throw e;
        }
        CommandRefusals refusals = new CommandRefusals(consumer, commandsTopic);
        refusals.reader.start();
        return refusals;
    }

    /** Why the command with this key was refused, if it was. */
    Optional<String> reasonFor(String key) {
        return Optional.ofNullable(reasons.get(key));
    }

    private void read() {
        try {
            while (true) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.key() != null && commandsTopic.equals(header(record, DeadLetterHeaders.TOPIC))) {
                        reasons.put(record.key(), Optional.ofNullable(header(record, DeadLetterHeaders.REASON))
                                .orElse("no reason given"));
                    }
                }
            }
        } catch (WakeupException stopping) {
            // close() asked
        } catch (RuntimeException e) {
            LOG.warn("stopped reading refused commands from the dead-letter topic; the API answers 202 without "
                    + "telling refusals apart: {}", e.toString());
        } finally {
            consumer.close();
        }
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws InterruptedException {
        consumer.wakeup();
        reader.join(Duration.ofSeconds(10).toMillis());
    }
}
