package dev.slopipeline.broker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import javax.management.InstanceNotFoundException;
import javax.management.JMException;
import javax.management.ObjectName;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.storage.internals.checkpoint.CleanShutdownFileHandler;

/**
 * Before a broker starts on a directory whose last broker was killed, runs the node as a controller alone until
 * the controller has fenced the registration the killed broker left behind.
 *
 * <p>Why: the node replays its metadata log, where the killed broker is still registered, unfenced, and leads
 * every partition. Started as broker and controller at once, it acts on that stale leadership until the
 * controller fences the old registration ({@code broker.session.timeout.ms} after the controller starts). Its
 * transaction coordinator loads a transaction the kill caught between its commit and its markers and sends the
 * markers, to itself, which takes no requests before it has registered again: the sends fail and are retried.
 * The fencing then leaves every partition without a leader, and Kafka 4.3's coordinator takes a partition
 * without a leader for a deleted one (KAFKA-20734): it drops the markers and records the transaction as
 * complete. The transaction stays open on its partitions for ever: read_committed consumers stop at it, and
 * a group whose offsets it committed cannot read them back. A broker that starts where its old registration is
 * already fenced leads nothing until it has registered again, so its coordinator sends those markers only once
 * every partition has its leader back.
 *
 * <p>A broker that shut down cleanly left Kafka's clean-shutdown file and its registration fenced: nothing to do.
 * Nor is there for one that never kept a transaction log.
 */
final class StaleRegistrationFence {

    /** The controller's gauges of the registered brokers, as Kafka names them. */
    private static final String FENCED_BROKERS = "kafka.controller:type=KafkaController,name=FencedBrokerCount";
    private static final String ACTIVE_BROKERS = "kafka.controller:type=KafkaController,name=ActiveBrokerCount";
    private static final String TRANSACTION_LOG_PREFIX = "__transaction_state-";

    private StaleRegistrationFence() {
    }

    /**
     * Fences the previous broker's registration when it did not shut down cleanly and kept transactions.
     *
     * @return how long that took; empty when there was nothing to fence
     */
    static Optional<Duration> fenceAfterCrash(BrokerSettings settings, Path directory, Map<String, Integer> ports,
            long deadlineNanos) {
        if (Files.exists(directory.resolve(CleanShutdownFileHandler.CLEAN_SHUTDOWN_FILE_NAME)) || !keptTransactions(directory)) {
            return Optional.empty();
        }
        long startNanos = System.nanoTime();
        KafkaRaftServer controller = new KafkaRaftServer(
                KafkaConfig.fromProps(settings.controllerOnlyProperties(directory, ports), false), Time.SYSTEM);
        try {
            controller.startup();
            awaitFenced(settings, deadlineNanos);
        } finally {
            controller.shutdown();
            controller.awaitShutdown();
        }
        return Optional.of(Duration.ofNanos(System.nanoTime() - startNanos));
    }

    /**
     * Only a broker that kept a transaction log has transactions a stale coordinator could complete wrongly; and
     * it registered, so the controller's image names it.
     */
    private static boolean keptTransactions(Path directory) {
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.anyMatch(entry -> entry.getFileName().toString().startsWith(TRANSACTION_LOG_PREFIX));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + directory, e);
        }
    }

    /**
     * Watches the controller's own gauges (through JMX, where Kafka publishes them): no client API reports a fenced
     * broker from a controller alone. They count the single node's registration once the controller has published
     * the metadata it replayed; until then both read 0, hence the wait for a fenced one rather than for no active one.
     */
    private static void awaitFenced(BrokerSettings settings, long deadlineNanos) {
        while (!(gauge(FENCED_BROKERS) > 0 && gauge(ACTIVE_BROKERS) == 0)) {
            if (System.nanoTime() > deadlineNanos) {
                throw new IllegalStateException("The controller did not fence the killed broker's registration within "
                        + settings.startupTimeout() + " (active brokers: " + gauge(ACTIVE_BROKERS) + ", fenced: "
                        + gauge(FENCED_BROKERS) + ")");
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while the controller fenced the killed broker", e);
            }
        }
    }

    /** A count the controller publishes; 0 until it has. */
    private static int gauge(String name) {
        try {
            return ((Number) ManagementFactory.getPlatformMBeanServer().getAttribute(new ObjectName(name), "Value")).intValue();
        } catch (InstanceNotFoundException notYet) {
            return 0;
        } catch (JMException e) {
            throw new IllegalStateException("Cannot read " + name, e);
        }
    }
}
