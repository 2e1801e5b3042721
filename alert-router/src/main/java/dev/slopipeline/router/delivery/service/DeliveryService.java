package dev.slopipeline.router.delivery.service;

import dev.slopipeline.kit.kafka.TopicBootstrap;
import dev.slopipeline.router.delivery.DeliveryLoop;
import dev.slopipeline.router.delivery.Dispatcher;
import dev.slopipeline.router.delivery.PendingDelivery;
import dev.slopipeline.router.delivery.RetryPolicy;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RebalanceInProgressException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the intents on {@code router.notifications} and records every outcome on {@code router.deliveries}; see
 * the package documentation for the guarantees and the one window in which a receiver may see a key twice.
 *
 * <pre>{@code
 * try (DeliveryService service = DeliveryService.builder(clientProperties, integrations, registry)
 *         .settings(routerAppConfig.delivery())
 *         .retryPolicy(config.retryPolicy())
 *         .start()) {
 *     ...
 * }
 * }</pre>
 *
 * <p>One thread polls intents, hands their deliveries to a {@link Dispatcher} driven by a {@link DeliveryLoop}, and
 * commits each partition up to its earliest intent not final yet. A service is single-use: once closed, build a new
 * one (with the same group id to carry on where it stopped).
 */
public final class DeliveryService implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DeliveryService.class);
    private static final Duration POLL = Duration.ofMillis(100);
    private static final Duration KAFKA_TIMEOUT = Duration.ofSeconds(30);

    private enum Stop { NONE, GRACEFUL, CRASH }

    private final DispatchTopics topics;
    private final Duration commitInterval;
    private final int maxUnfinishedIntents;
    private final Ledger ledger = new Ledger();
    private final IntentTracker tracker = new IntentTracker();
    private final KafkaProducer<String, byte[]> producer;
    private final KafkaConsumer<String, byte[]> consumer;
    private final LedgerReader ledgerReader;
    private final OutcomeWriter writer;
    private final Dispatcher dispatcher;
    private final DeliveryLoop loop;
    private final IntentHandler handler;
    private final Thread poller;
    private Integrations integrations;

    private volatile boolean paused;
    private volatile Stop stop = Stop.NONE;
    private volatile Throwable failure;

    private DeliveryService(Builder builder) {
        this.topics = builder.settings.topics();
        this.commitInterval = builder.settings.commitInterval();
        this.maxUnfinishedIntents = builder.settings.maxUnfinishedIntents();
        try (Admin admin = Admin.create(builder.clientConfig(Map.of()))) {
            new TopicBootstrap(admin, KAFKA_TIMEOUT).ensure(topics.wanted());
        }
        producer = new KafkaProducer<>(builder.clientConfig(Map.of(
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class)));
        int partitions;
        KafkaConsumer<String, byte[]> intents = null;
        try {
            partitions = producer.partitionsFor(topics.deliveries()).size();
            intents = new KafkaConsumer<>(builder.clientConfig(consumerConfig(groupMembership(builder.settings))));
            ledgerReader = new LedgerReader(new KafkaConsumer<>(builder.clientConfig(consumerConfig(Map.of()))),
                    topics.deliveries(), ledger, KAFKA_TIMEOUT);
        } catch (RuntimeException e) {
            producer.close(Duration.ZERO);
            if (intents != null) {
                intents.close(CloseOptions.timeout(Duration.ZERO));
            }
            throw e;
        }
        consumer = intents;
        writer = new OutcomeWriter(producer, topics.deliveries(), partitions, ledger, tracker);
        dispatcher = Dispatcher.builder(builder.integrations.receivers(), builder.registry)
                .retryPolicy(builder.retryPolicy)
                .clock(builder.clock)
                .listener(writer)
                .build();
        loop = new DeliveryLoop(dispatcher, builder.clock);
        integrations = builder.integrations;
        handler = new IntentHandler(builder.integrations, ledger, tracker, loop, writer,
                new IntentMetrics(builder.registry, tracker::unfinished, () -> paused ? 1 : 0), builder.clock);
        poller = new Thread(this::run, "delivery-intents");
        poller.setDaemon(true);
        poller.start();
    }

    /**
     * @param clientProperties {@code bootstrap.servers} and extra settings for every Kafka client (security,
     *                         timeouts). The settings the guarantees rest on are fixed: manual commits, read_committed,
     *                         earliest reset, acks=all and idempotence.
     */
    public static Builder builder(Map<String, Object> clientProperties, Integrations integrations, MeterRegistry registry) {
        return new Builder(clientProperties, integrations, registry);
    }

    /**
     * Delivers with a reloaded config's receivers and retry policy from now on. Receivers the new config dropped stay
     * known (see {@link Integrations#updatedBy}), so nothing already decided or pending is lost to a reload.
     */
    public synchronized void reconfigure(Integrations newer, RetryPolicy retryPolicy) {
        integrations = integrations.updatedBy(newer);
        dispatcher.reconfigure(integrations.receivers(), retryPolicy);
        handler.integrations(integrations);
    }

    /** Every delivery not final yet, with its attempts, last error and next attempt time. */
    public List<PendingDelivery> pending() {
        return dispatcher.pending();
    }

    /** Intents read whose deliveries are not all final and recorded: what stays uncommitted. */
    public int unfinishedIntents() {
        return tracker.unfinished();
    }

    /** Whether reading intents is paused because {@code maxUnfinishedIntents} are unfinished. */
    public boolean consumptionPaused() {
        return paused;
    }

    /** Why the service stopped by itself (Kafka unreachable for too long, for instance); empty while it runs. */
    public Optional<Throwable> failure() {
        return Optional.ofNullable(failure);
    }

    /**
     * Stops delivering: an attempt under way is interrupted and stays pending (its intent uncommitted, its retry
     * state recorded), recorded outcomes are committed, the clients close. Idempotent.
     */
    @Override
    public void close() {
        stop(Stop.GRACEFUL);
    }

    /**
     * Stops as a killed process would: nothing more is recorded or committed, the producer drops what it has not
     * sent, and the consumer leaves its group so that a successor need not wait for its session to expire.
     * For tests of what a restart recovers.
     */
    void crash() {
        writer.stop();
        stop(Stop.CRASH);
    }

    private void stop(Stop how) {
        synchronized (this) {
            if (stop == Stop.NONE) {
                stop = how;
                consumer.wakeup();
            }
        }
        try {
            poller.join(KAFKA_TIMEOUT.toMillis());
        } catch (InterruptedException e) {
            // The poller finishes stopping on its own; the caller asked to be interrupted.
            Thread.currentThread().interrupt();
            return;
        }
        if (poller.isAlive()) {
            log.warn("delivery service did not stop within {}", KAFKA_TIMEOUT);
        }
    }

    private void run() {
        try {
            consumer.subscribe(List.of(topics.notifications()), new Rebalance());
            loop.start();
            long nextCommit = System.nanoTime() + commitInterval.toNanos();
            while (stop == Stop.NONE) {
                handleWithinBound(consumer.poll(POLL));
                applyBackPressure();
                if (System.nanoTime() - nextCommit >= 0) {
                    commit();
                    nextCommit = System.nanoTime() + commitInterval.toNanos();
                }
            }
        } catch (WakeupException e) {
            log.debug("delivery service woken to stop");
        } catch (RuntimeException e) {
            failure = e;
            log.error("delivery service stopped: {}", e.toString(), e);
        } finally {
            shutDown();
        }
    }

    /**
     * Hands over the polled intents while fewer than {@code maxUnfinishedIntents} are unfinished; from the first one
     * past the bound, each partition is rewound to its first intent not handed over, so that it is read again once
     * there is room: nothing is dropped, and nothing beyond the bound waits in memory.
     */
    private void handleWithinBound(ConsumerRecords<String, byte[]> records) {
        Map<TopicPartition, Long> rewind = new HashMap<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            TopicPartition partition = new TopicPartition(record.topic(), record.partition());
            if (rewind.containsKey(partition) || tracker.unfinished() >= maxUnfinishedIntents) {
                rewind.putIfAbsent(partition, record.offset());
            } else {
                handler.handle(record);
            }
        }
        rewind.forEach(consumer::seek);
    }

    /**
     * Pauses every assigned partition while the bound is reached and resumes them once deliveries finish: polling
     * goes on (the consumer stays in its group), it just returns nothing, and the intents wait in Kafka.
     */
    private void applyBackPressure() {
        boolean full = tracker.unfinished() >= maxUnfinishedIntents;
        if (full) {
            Set<TopicPartition> running = new HashSet<>(consumer.assignment());
            running.removeAll(consumer.paused());
            if (!running.isEmpty()) {
                consumer.pause(running);
            }
            if (!paused) {
                log.warn("{} intents are unfinished (the bound): reading {} paused until receivers take some",
                        tracker.unfinished(), topics.notifications());
            }
        } else if (paused || !consumer.paused().isEmpty()) {
            consumer.resume(consumer.paused());
            log.info("reading {} resumed: {} intents unfinished", topics.notifications(), tracker.unfinished());
        }
        paused = full;
    }

    private void shutDown() {
        closeLoop();
        if (stop == Stop.CRASH) {
            producer.close(Duration.ZERO);
        } else {
            // The interrupted attempt's outcome is on its way; once it is recorded, everything final is committed.
            producer.flush();
            commit();
            producer.close(KAFKA_TIMEOUT);
        }
        ledgerReader.close();
        // A static member stays in its group on close unless told otherwise, holding its partitions until its session
        // times out; a stopping service hands them on at once.
        consumer.close(CloseOptions.timeout(KAFKA_TIMEOUT)
                .withGroupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP));
    }

    private void closeLoop() {
        try {
            loop.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Commits each partition up to its earliest unfinished intent; a crashed service commits nothing more. */
    private void commit() {
        if (stop == Stop.CRASH) {
            return;
        }
        Map<TopicPartition, OffsetAndMetadata> offsets = tracker.committable();
        if (offsets.isEmpty()) {
            return;
        }
        try {
            commitSync(offsets);
            tracker.committed(offsets);
        } catch (CommitFailedException | RebalanceInProgressException e) {
            // The next owner reads these intents again and skips what is recorded as final.
            log.warn("could not commit {}: {}", offsets, e.getMessage());
        }
    }

    private void commitSync(Map<TopicPartition, OffsetAndMetadata> offsets) {
        try {
            consumer.commitSync(offsets, KAFKA_TIMEOUT);
        } catch (WakeupException e) {
            // A stop asked for while no call was blocked wakes the next one; the commit still has to happen.
            consumer.commitSync(offsets, KAFKA_TIMEOUT);
        }
    }

    private static Map<String, Object> groupMembership(DeliverySettings settings) {
        Map<String, Object> membership = new HashMap<>(Map.of(ConsumerConfig.GROUP_ID_CONFIG, settings.groupId()));
        settings.groupInstanceId().ifPresent(id -> membership.put(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, id));
        return membership;
    }

    private static Map<String, Object> consumerConfig(Map<String, Object> extra) {
        Map<String, Object> config = new HashMap<>(extra);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        return config;
    }

    /** Runs on the poller thread, inside {@code poll}. */
    private final class Rebalance implements ConsumerRebalanceListener {

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            if (!partitions.isEmpty()) {
                ledgerReader.catchUp();
            }
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            commit();
            withdraw(partitions);
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            withdraw(partitions);
        }

        /** Their next owner delivers them, after reading what this instance recorded. */
        private void withdraw(Collection<TopicPartition> partitions) {
            tracker.forget(partitions).forEach(dispatcher::withdraw);
        }
    }

    public static final class Builder {
        private final Map<String, Object> clientProperties;
        private final Integrations integrations;
        private final MeterRegistry registry;
        private DeliverySettings settings = DeliverySettings.DEFAULT;
        private RetryPolicy retryPolicy = RetryPolicy.DEFAULT;
        private Clock clock = Clock.systemUTC();

        private Builder(Map<String, Object> clientProperties, Integrations integrations, MeterRegistry registry) {
            this.clientProperties = Map.copyOf(clientProperties);
            this.integrations = Objects.requireNonNull(integrations, "integrations");
            this.registry = Objects.requireNonNull(registry, "registry");
        }

        /** The group, topics, bound and commit interval; {@link DeliverySettings#DEFAULT} unless set. */
        public Builder settings(DeliverySettings newSettings) {
            this.settings = Objects.requireNonNull(newSettings, "settings");
            return this;
        }

        /** Usually {@code RouterConfig.retryPolicy()}, from the config's {@code delivery} section. */
        public Builder retryPolicy(RetryPolicy newRetryPolicy) {
            this.retryPolicy = Objects.requireNonNull(newRetryPolicy, "retryPolicy");
            return this;
        }

        public Builder clock(Clock newClock) {
            this.clock = Objects.requireNonNull(newClock, "clock");
            return this;
        }

        /**
         * Creates missing topics, connects and starts delivering.
         *
         * @throws KafkaException        when Kafka refuses the settings
         * @throws IllegalStateException when Kafka refuses a topic, does not answer in time while creating them, or
         *                               the waiting is interrupted
         */
        public DeliveryService start() {
            return new DeliveryService(this);
        }

        private Map<String, Object> clientConfig(Map<String, Object> fixed) {
            Map<String, Object> config = new HashMap<>(clientProperties);
            config.putAll(fixed);
            return config;
        }
    }
}
