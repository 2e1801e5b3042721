package dev.slopipeline.demo;

import dev.slopipeline.definitions.alert.Alert;
import dev.slopipeline.definitions.alert.AlertCodec;
import dev.slopipeline.definitions.alert.AlertState;
import dev.slopipeline.kit.result.Decoded;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Follows the alert transitions the streams app writes (every severity, before any routing), for the demo's
 * progress line: how many alerts fired and how many fire now.
 */
public final class AlertWatcher implements AutoCloseable {

    private final KafkaConsumer<String, byte[]> consumer;
    private final Thread thread;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final List<Alert> transitions = new CopyOnWriteArrayList<>();
    private final AlertCodec codec = new AlertCodec();

    private AlertWatcher(KafkaConsumer<String, byte[]> consumer) {
        this.consumer = consumer;
        this.thread = new Thread(this::poll, "slo-demo-alert-watcher");
        this.thread.setDaemon(true);
    }

    /** Reads {@code topic} from its beginning, without a consumer group. */
    public static AlertWatcher start(Map<String, Object> clientProperties, String topic) {
        Map<String, Object> properties = new HashMap<>(clientProperties);
        properties.put(ConsumerConfig.CLIENT_ID_CONFIG, "slo-demo-alert-watcher");
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(properties);
        List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                .map(info -> new TopicPartition(topic, info.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        AlertWatcher watcher = new AlertWatcher(consumer);
        watcher.thread.start();
        return watcher;
    }

    /** Every transition read so far, in the order read. */
    public List<Alert> transitions() {
        return List.copyOf(transitions);
    }

    /** How many alerts fire now: those whose last transition is firing. */
    public long firingNow() {
        Map<String, AlertState> last = new HashMap<>();
        transitions.forEach(alert -> last.put(alert.slo() + "/" + alert.severity(), alert.state()));
        return last.values().stream().filter(state -> state == AlertState.FIRING).count();
    }

    @Override
    public void close() {
        running.set(false);
        consumer.wakeup();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void poll() {
        try {
            while (running.get()) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (codec.decode(record.value()) instanceof Decoded.Ok<Alert> ok) {
                        transitions.add(ok.value());
                    }
                }
            }
        } catch (WakeupException closing) {
            // close() asked to stop
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }
}
