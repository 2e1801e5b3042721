package dev.slopipeline.demo;

import dev.slopipeline.kit.config.ConfigLayers;
import dev.slopipeline.router.app.RouterAppKeys;
import dev.slopipeline.run.Pipeline;
import dev.slopipeline.run.RunKeys;
import dev.slopipeline.run.RunSettings;
import dev.slopipeline.streams.app.StreamsAppConfig;
import dev.slopipeline.streams.app.StreamsAppKeys;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Comparator;
import java.util.Deque;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The whole demo wired together: a webhook sink, the pipeline on an embedded broker with the example shop's
 * definitions and the demo router configuration, a watcher of alert transitions, and the traffic simulator.
 * {@code slo demo} and the end-to-end test both start it through here.
 */
public final class Demo implements AutoCloseable {

    private final Deque<AutoCloseable> opened = new ArrayDeque<>();
    private final Options options;
    private WebhookSink sink;
    private Pipeline pipeline;
    private AlertWatcher alerts;
    private TrafficSimulator traffic;

    /**
     * @param dataDir       empty: a temporary folder, deleted on close
     * @param scenario      what the shop does; {@link #defaultScenario()} for the scripted incident
     * @param speed         simulated seconds per real second; empty: the scenario's, else 60
     * @param ports         broker, streams app, router, sink, web UI; 0 picks a free port
     * @param say           one line per step while starting
     * @param notifications every notification the sink receives
     */
    public record Options(Optional<Path> dataDir, Scenario scenario, Optional<Double> speed, Duration tick, Ports ports,
                          Consumer<String> say, Consumer<WebhookSink.Notification> notifications) {
        public Options {
            Objects.requireNonNull(scenario, "scenario");
        }

        public double effectiveSpeed() {
            return speed.orElse(scenario.speed().orElse(60));
        }
    }

    /** Where each part listens; 0 picks a free port. */
    public record Ports(int broker, int streams, int router, int sink, int ui) {
        public static final Ports DEFAULT = new Ports(9092, 8080, 9095, 9099, 8090);
        public static final Ports ANY = new Ports(0, 0, 0, 0, 0);
    }

    private Demo(Options options) {
        this.options = options;
    }

    /** The scripted incident ({@code deploy/examples/demo-scenario.yml}). */
    public static Scenario defaultScenario() {
        return ScenarioReader.parse("demo-scenario.yml", BundledFiles.text("demo/demo-scenario.yml"));
    }

    /**
     * Starts everything and returns once the pipeline is ready and traffic flows.
     *
     * @throws IllegalStateException when a part cannot start (a port in use, a folder held by another run)
     */
    public static Demo start(Options options) throws IOException, InterruptedException {
        Demo demo = new Demo(options);
        try {
            demo.startAll();
            return demo;
        } catch (IOException | InterruptedException | RuntimeException e) {
            demo.close();
            throw e;
        }
    }

    public WebhookSink sink() {
        return sink;
    }

    public Pipeline pipeline() {
        return pipeline;
    }

    public AlertWatcher alerts() {
        return alerts;
    }

    public TrafficSimulator traffic() {
        return traffic;
    }

    /** Simulator, watcher, pipeline (router, streams app, broker), sink, then the temporary folder. Runs once. */
    @Override
    public void close() {
        RuntimeException failure = null;
        while (!opened.isEmpty()) {
            try {
                opened.pop().close();
            } catch (Exception e) {
                if (failure == null) {
                    failure = new IllegalStateException("the demo did not stop cleanly", e);
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    private void startAll() throws IOException, InterruptedException {
        Path dataDir;
        if (options.dataDir().isPresent()) {
            dataDir = options.dataDir().get();
        } else {
            dataDir = Files.createTempDirectory("slo-demo-");
            opened.push(() -> deleteRecursively(dataDir));
        }
        sink = WebhookSink.start(options.ports().sink(), options.notifications());
        opened.push(sink);
        options.say().accept("webhook sink listening on " + sink.url());

        // a fresh write token for this run, which the web UI (on loopback only) uses for its visitors, so that
        // acknowledging and silencing work in the browser without entering one
        String uiToken = randomToken();
        Path definitions = BundledFiles.copyFolder("demo/definitions", dataDir.resolve("definitions"));
        RunSettings settings = RunSettings.from(new ConfigLayers()
                .flag(RunKeys.DATA_DIR.name(), dataDir.toString(), "demo")
                .flag(RunKeys.BROKER_PORT.name(), String.valueOf(options.ports().broker()), "--broker-port")
                .flag(StreamsAppKeys.HTTP_PORT.name(), String.valueOf(options.ports().streams()), "--http-port")
                .flag(RouterAppKeys.HTTP_PORT.name(), String.valueOf(options.ports().router()), "--router-port")
                .flag(RunKeys.UI_PORT.name(), String.valueOf(options.ports().ui()), "--ui-port")
                .flag(RouterAppKeys.API_TOKEN.name(), uiToken, "demo")
                .flag(StreamsAppKeys.DEFINITIONS_DIR.name(), definitions.toString(), "demo")
                // one partition keeps the simulated event time in order: compressed time makes a few seconds of
                // skew between partitions hours of event time, far beyond the pipeline's grace for late events
                .flag(StreamsAppKeys.TOPIC_PARTITIONS.name(), "1", "demo")
                .flag(RouterAppKeys.PARTITIONS.name(), "1", "demo")
                .flag(RouterAppKeys.PUNCTUATION_INTERVAL.name(), "500ms", "demo"));
        pipeline = Pipeline.builder(settings)
                .routerConfig(DemoRouterConfig.forSink(sink.url(), dataDir.resolve("demo-router")))
                .webUiToken(uiToken)
                .progress(options.say())
                .start();
        opened.push(pipeline);
        pipeline.awaitReady(Duration.ofMinutes(2));

        StreamsAppConfig streams = pipeline.settings().streams();
        alerts = AlertWatcher.start(streams.clientProperties(), streams.topics().alerts());
        opened.push(alerts);
        traffic = TrafficSimulator.start(new TrafficSimulator.Settings(options.scenario(), streams.clientProperties(),
                streams.topics().requests(), streams.topics().health(), options.effectiveSpeed(), options.tick(),
                Clock.systemUTC()));
        opened.push(traffic);
    }

    private static String randomToken() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static void deleteRecursively(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete the demo's temporary folder " + folder, e);
        }
    }
}
