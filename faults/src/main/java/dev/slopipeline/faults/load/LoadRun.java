package dev.slopipeline.faults.load;

import dev.slopipeline.broker.EmbeddedKafkaBroker;
import dev.slopipeline.definitions.event.EventCodec;
import dev.slopipeline.definitions.event.RequestEvent;
import dev.slopipeline.faults.Await;
import dev.slopipeline.faults.receiver.PagerRoute;
import dev.slopipeline.faults.receiver.WebhookReceiver;
import dev.slopipeline.faults.scenario.IncidentPlayer;
import dev.slopipeline.faults.scenario.Journeys;
import dev.slopipeline.router.app.RouterApp;
import dev.slopipeline.router.app.RouterAppConfig;
import dev.slopipeline.router.app.RouterAppKeys;
import dev.slopipeline.streams.app.SloPipeline;
import dev.slopipeline.streams.app.StreamsApp;
import dev.slopipeline.streams.app.StreamsAppConfig;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.KafkaStreams;

/**
 * A sustained event rate through broker, streams app and router in one JVM, with one incident in the middle:
 * good requests for {@value #LOAD_JOURNEYS} journeys at the asked rate, consumer lag of the streams app
 * sampled every few seconds, and the incident's page timed from its first failing request to the receiver.
 */
public final class LoadRun {

    /** The load's journeys are 2..LOAD_JOURNEYS+1; journey 1 is the incident's. */
    static final int LOAD_JOURNEYS = 20;
    private static final int INCIDENT = 1;
    private static final Duration TICK = Duration.ofMillis(100);
    private static final Duration PAGE_WAIT = Duration.ofMinutes(3);

    /** What one run was asked to do. */
    public record Options(Duration length, int rate, Duration sampleEvery) {
    }

    private final Options options;
    private final Path work;

    public LoadRun(Options options, Path work) {
        this.options = options;
        this.work = work;
    }

    public LoadReport run() throws Exception {
        Instant began = Instant.now();
        double loadBefore = loadAverage();
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.builder().dataDirectory(work.resolve("broker")).start();
             WebhookReceiver pager = WebhookReceiver.start(null)) {
            Path definitions = Files.createDirectories(work.resolve("definitions"));
            Files.writeString(definitions.resolve("journeys.yaml"), Journeys.yaml(LOAD_JOURNEYS + 1));
            StreamsAppConfig config = StreamsAppConfig.builder().bootstrapServers(broker.bootstrapServers())
                    .stateDir(work.resolve("streams")).httpPort(0).definitionsDir(definitions).build();
            Path routerConfig = Files.writeString(work.resolve("router.yml"), PagerRoute.yaml(pager.url("/pager").toString(), "100ms"));
            try (StreamsApp streams = SloPipeline.start(config);
                 RouterApp router = RouterApp.start(RouterAppConfig.builder().bootstrapServers(broker.bootstrapServers())
                         .set(RouterAppKeys.STATE_DIR, work.resolve("router"))
                         .set(RouterAppKeys.HTTP_PORT, 0)
                         .set(RouterAppKeys.PUNCTUATION_INTERVAL, Duration.ofMillis(200))
                         .set(RouterAppKeys.CONFIG, routerConfig)
                         .build());
                 ConsumerLag lag = new ConsumerLag(broker.bootstrapServers(), config.applicationId(), config.topics().requests());
                 KafkaProducer<byte[], byte[]> producer = producer(broker.bootstrapServers())) {
                Await.until("the streams app to run", Duration.ofMinutes(2), () -> streams.state() == KafkaStreams.State.RUNNING);
                AtomicLong sent = new AtomicLong();
                ScheduledExecutorService load = Executors.newSingleThreadScheduledExecutor();
                Instant loadStart = Instant.now();
                load.scheduleAtFixedRate(() -> sendTick(producer, config.topics().requests(), sent),
                        0, TICK.toMillis(), TimeUnit.MILLISECONDS);
                List<LoadReport.LagSample> samples = new ArrayList<>();
                Instant end = loadStart.plus(options.length());
                Instant incidentAt = loadStart.plus(options.length().dividedBy(2));
                Optional<Duration> pageLatency = Optional.empty();
                try (IncidentPlayer player = new IncidentPlayer(broker.bootstrapServers(), config.topics().requests(),
                        Duration.ofMillis(300), Map.of())) {
                    boolean incidentStarted = false;
                    Instant outageStart = null;
                    while (Instant.now().isBefore(end) || (incidentStarted && pageLatency.isEmpty()
                            && Instant.now().isBefore(outageStart.plus(PAGE_WAIT)))) {
                        if (!incidentStarted && !Instant.now().isBefore(incidentAt)) {
                            outageStart = Instant.now();
                            player.outage(INCIDENT);
                            incidentStarted = true;
                        }
                        samples.add(new LoadReport.LagSample(Duration.between(loadStart, Instant.now()), lag.total()));
                        if (incidentStarted && pageLatency.isEmpty()) {
                            Instant started = outageStart;
                            pageLatency = firstPage(pager).map(at -> Duration.between(started, at));
                        }
                        Await.pause(options.sampleEvery());
                    }
                } finally {
                    load.shutdownNow();
                    load.awaitTermination(10, TimeUnit.SECONDS);
                }
                Duration loaded = Duration.between(loadStart, Instant.now());
                return new LoadReport(began, options, loaded, sent.get(), samples, pageLatency, PAGE_WAIT,
                        unexpectedPages(pager), loadBefore, loadAverage());
            }
        }
    }

    /** The machine's, not this JVM's: on a shared machine the figures are floors, and this says how shared it was. */
    private static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static Optional<Instant> firstPage(WebhookReceiver pager) {
        return pager.received().stream().filter(WebhookReceiver.Received::delivered)
                .filter(r -> r.alerts().stream().anyMatch(p -> p.slo().equals(Journeys.slo(INCIDENT)) && p.status().equals("firing")))
                .map(WebhookReceiver.Received::at).findFirst();
    }

    /** The SLOs other than the incident's that were paged: the load's own traffic must never page. */
    private static List<String> unexpectedPages(WebhookReceiver pager) {
        return pager.received().stream().filter(WebhookReceiver.Received::delivered)
                .flatMap(r -> r.alerts().stream())
                .filter(p -> !p.slo().equals(Journeys.slo(INCIDENT)) && p.status().equals("firing"))
                .map(p -> p.slo()).distinct().sorted().toList();
    }

    private final EventCodec codec = new EventCodec();
    private long next;

    /**
     * One tick's share of the rate, spread over the load's journeys; every journey's 5 000th request fails (a burn
     * rate of 0.2 for each, and never a journey's first request, which alone would be a 100 % error ratio).
     */
    private void sendTick(KafkaProducer<byte[], byte[]> producer, String topic, AtomicLong sent) {
        int perTick = (int) (options.rate() * TICK.toMillis() / 1000);
        Instant now = Instant.now();
        for (int i = 0; i < perTick; i++) {
            long n = next++;
            String service = Journeys.service(2 + (int) (n % LOAD_JOURNEYS));
            int status = (n / LOAD_JOURNEYS) % 5_000 == 4_999 ? 503 : 200;
            RequestEvent event = new RequestEvent(now, service, "POST /buy", status, 12.5, 1, Map.of());
            producer.send(new ProducerRecord<>(topic, service.getBytes(StandardCharsets.UTF_8), codec.encode(event)),
                    (metadata, error) -> {
                        if (error == null) {
                            sent.incrementAndGet();
                        }
                    });
        }
    }

    private static KafkaProducer<byte[], byte[]> producer(String bootstrapServers) {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.LINGER_MS_CONFIG, 20, ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024,
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4"), new ByteArraySerializer(), new ByteArraySerializer());
    }
}
