package dev.slopipeline.demo;

import dev.slopipeline.definitions.event.EventCodec;
import dev.slopipeline.definitions.event.HealthEvent;
import dev.slopipeline.definitions.event.RequestEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plays a {@link Scenario} into Kafka as request and health events, the way the shop's services would emit them:
 * first its {@code history} at once, then the phases in compressed event time ({@link SimulatedClock}), then the
 * steady traffic for as long as it runs. Identical outcomes of a stream within a step are one event with a
 * {@code count}; rates are spread without randomness (a share of 0.2 % is one request in 500, always), so a run
 * is repeatable and a quiet phase never pages by chance.
 */
public final class TrafficSimulator implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TrafficSimulator.class);
    private static final Duration HISTORY_STEP = Duration.ofMinutes(1);
    private static final Duration MAX_STEP = Duration.ofMinutes(1);
    private static final int SLOW_FACTOR = 8;
    private static final int ERROR_STATUS = 503;

    private final Settings settings;
    private final KafkaProducer<String, byte[]> producer;
    private final ScheduledExecutorService ticker;
    private final EventCodec codec = new EventCodec();
    private final Random jitter = new Random(42);
    private final Map<Scenario.RequestStream, Carry> carries = new HashMap<>();
    private final Map<Scenario.HealthStream, Instant> nextReport = new HashMap<>();
    private final Map<Scenario.HealthStream, Long> reports = new HashMap<>();
    private final AtomicLong eventsSent = new AtomicLong();
    private final AtomicLong requestsSimulated = new AtomicLong();
    private final AtomicLong sendFailures = new AtomicLong();
    private final AtomicReference<Instant> simulatedNow = new AtomicReference<>();
    private final AtomicReference<String> phase = new AtomicReference<>("history");
    private final Instant scenarioStart;
    private volatile SimulatedClock clock;
    private Instant generatedUntil;

    /**
     * What to play and where.
     *
     * @param clientProperties bootstrap servers and any Kafka client settings
     * @param speed            simulated seconds per real second
     * @param tick             how often events are sent (real time)
     */
    public record Settings(Scenario scenario, Map<String, Object> clientProperties, String requestsTopic, String healthTopic,
                           double speed, Duration tick, Clock wall) {
        public Settings {
            Objects.requireNonNull(scenario, "scenario");
            clientProperties = Map.copyOf(clientProperties);
        }
    }

    /** What the simulator has done so far, for a progress line. */
    public record Progress(Instant simulatedNow, String phase, long eventsSent, long requestsSimulated, long sendFailures) {
    }

    private TrafficSimulator(Settings settings) {
        this.settings = settings;
        Map<String, Object> properties = new HashMap<>(settings.clientProperties());
        properties.put(ProducerConfig.CLIENT_ID_CONFIG, "slo-demo-traffic");
        properties.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        this.producer = new KafkaProducer<>(properties);
        this.ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "slo-demo-traffic");
            thread.setDaemon(true);
            return thread;
        });
        Scenario scenario = settings.scenario();
        this.scenarioStart = SimulatedClock.startFor(scenario.length(), settings.speed(), settings.wall().instant());
        this.generatedUntil = scenarioStart.minus(scenario.history());
        this.simulatedNow.set(generatedUntil);
    }

    /** Starts sending in the background: the history first, then the scenario. */
    public static TrafficSimulator start(Settings settings) {
        TrafficSimulator simulator = new TrafficSimulator(settings);
        simulator.ticker.execute(simulator::sendHistory);
        simulator.ticker.scheduleAtFixedRate(simulator::tick, settings.tick().toMillis(), settings.tick().toMillis(),
                TimeUnit.MILLISECONDS);
        return simulator;
    }

    /** Simulated time of the first phase's start. */
    public Instant scenarioStart() {
        return scenarioStart;
    }

    public Progress progress() {
        return new Progress(simulatedNow.get(), phase.get(), eventsSent.get(), requestsSimulated.get(), sendFailures.get());
    }

    /** Stops sending; what was sent stays sent. */
    @Override
    public void close() {
        ticker.shutdownNow();
        try {
            ticker.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        producer.close(Duration.ofSeconds(10));
    }

    private void sendHistory() {
        try {
            while (generatedUntil.isBefore(scenarioStart)) {
                Instant to = min(generatedUntil.plus(HISTORY_STEP), scenarioStart);
                generate(generatedUntil, to);
                generatedUntil = to;
                simulatedNow.set(to);
            }
            producer.flush();
            clock = new SimulatedClock(scenarioStart, settings.speed(), settings.wall());
        } catch (RuntimeException e) {
            LOG.error("The demo traffic stopped while sending the history", e);
            throw e;
        }
    }

    private void tick() {
        if (clock == null) {
            return;
        }
        try {
            Instant now = clock.now();
            while (generatedUntil.isBefore(now)) {
                Instant to = min(generatedUntil.plus(MAX_STEP), now);
                generate(generatedUntil, to);
                generatedUntil = to;
            }
            simulatedNow.set(now);
        } catch (RuntimeException e) {
            // a failed tick must not cancel the schedule: the next one tries again
            LOG.warn("The demo traffic could not send a step: {}", e.toString());
        }
    }

    /** Events for the simulated span [from, to), stamped at its middle. */
    private void generate(Instant from, Instant to) {
        Optional<Scenario.Phase> current = settings.scenario().phaseAt(Duration.between(scenarioStart, from));
        phase.set(from.isBefore(scenarioStart) ? "history" : current.map(Scenario.Phase::name).orElse("steady traffic"));
        double minutes = Duration.between(from, to).toMillis() / 60_000.0;
        double traffic = DiurnalCurve.share(Duration.between(scenarioStart, from), settings.scenario().timeOfDay())
                * current.map(Scenario.Phase::traffic).orElse(1.0);
        Instant at = from.plusMillis(Duration.between(from, to).toMillis() / 2);
        for (Scenario.RequestStream baseline : settings.scenario().requests()) {
            Scenario.RequestStream stream = current.map(p -> p.apply(baseline)).orElse(baseline);
            Carry carry = carries.computeIfAbsent(baseline, ignored -> new Carry());
            long total = carry.total.take(stream.perMinute() * traffic * minutes);
            long bad = Math.min(total, carry.bad.take(total * stream.errorRate()));
            long slow = Math.min(total - bad, carry.slow.take(total * stream.slowRate()));
            long good = total - bad - slow;
            send(at, stream, stream.status(), stream.latencyMs(), good);
            send(at, stream, stream.status(), stream.latencyMs() * SLOW_FACTOR, slow);
            send(at, stream, ERROR_STATUS, stream.latencyMs(), bad);
        }
        for (Scenario.HealthStream check : settings.scenario().health()) {
            Instant due = nextReport.computeIfAbsent(check, ignored -> from);
            while (due.isBefore(to)) {
                Optional<Scenario.Phase> then = settings.scenario().phaseAt(Duration.between(scenarioStart, due));
                Scenario.HealthMode mode = then.flatMap(p -> p.modeOf(check)).orElse(Scenario.HealthMode.PASS);
                long n = reports.merge(check, 1L, Long::sum);
                HealthEvent event = new HealthEvent(due, check.service(), check.check(), mode.statusOf(n),
                        check.latencyMs(), check.target().orElse(null), Map.of());
                producer.send(new ProducerRecord<>(settings.healthTopic(), check.service(), codec.encode(event)), this::sent);
                due = due.plus(check.every());
            }
            nextReport.put(check, due);
        }
    }

    private void send(Instant at, Scenario.RequestStream stream, int status, double latencyMs, long count) {
        if (count == 0) {
            return;
        }
        double latency = Math.round(latencyMs * (0.8 + 0.4 * jitter.nextDouble()) * 10) / 10.0;
        RequestEvent event = new RequestEvent(at, stream.service(), stream.operation(), status, latency, count, stream.attributes());
        producer.send(new ProducerRecord<>(settings.requestsTopic(), stream.service(), codec.encode(event)), this::sent);
        requestsSimulated.addAndGet(count);
    }

    private void sent(RecordMetadata metadata, Exception failure) {
        if (failure == null) {
            eventsSent.incrementAndGet();
        } else if (sendFailures.getAndIncrement() == 0) {
            LOG.warn("The demo traffic could not send an event (more failures are only counted): {}", failure.toString());
        }
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    /** Fractions left over from earlier steps, so that small rates add up to whole requests over time. */
    private static final class Carry {
        final Remainder total = new Remainder();
        final Remainder bad = new Remainder();
        final Remainder slow = new Remainder();
    }

    private static final class Remainder {
        private double left;

        long take(double amount) {
            double sum = left + amount;
            long whole = (long) Math.floor(sum);
            left = sum - whole;
            return whole;
        }
    }
}
