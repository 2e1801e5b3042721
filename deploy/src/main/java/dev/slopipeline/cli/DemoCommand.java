package dev.slopipeline.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import dev.slopipeline.demo.Demo;
import dev.slopipeline.demo.DemoConsole;
import dev.slopipeline.demo.NotificationPrinter;
import dev.slopipeline.demo.Scenario;
import dev.slopipeline.demo.ScenarioReader;
import dev.slopipeline.run.Pipeline;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        description = {
                "The whole pipeline on an embedded Kafka broker with a simulated shop: the",
                "example definitions applied, request and health events in compressed time,",
                "a scripted incident that pages, and a local webhook sink that prints every",
                "page here. Runs until Ctrl-C or --duration."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:stopped by Ctrl-C or after --duration", "1:could not start", "2:usage error or invalid scenario"})
final class DemoCommand implements Callable<Integer> {

    private static final String LOG_LEVEL = "SLO_PIPELINE_LOG_LEVEL";

    @Option(names = "--scenario", paramLabel = "FILE",
            description = "A scenario of your own (format: deploy/examples/demo-scenario.yml); default: the payments incident.")
    Path scenario;

    @Option(names = "--speed", paramLabel = "N",
            description = "Simulated seconds per real second (default: the scenario's, 60 = one hour a minute).")
    Double speed;

    @Option(names = "--duration", paramLabel = "DURATION", converter = DurationOption.class,
            description = "Stop after this long, e.g. 5m or 1h30m; default: until Ctrl-C.")
    Duration duration;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "Keep the demo's data here (default: a temporary folder, deleted at the end).")
    Path dataDir;

    @Option(names = "--broker-port", paramLabel = "PORT", defaultValue = "9092", description = "Kafka port (default ${DEFAULT-VALUE}; 0: any free one).")
    int brokerPort;

    @Option(names = "--http-port", paramLabel = "PORT", defaultValue = "8080", description = "Streams app status API (default ${DEFAULT-VALUE}).")
    int httpPort;

    @Option(names = "--router-port", paramLabel = "PORT", defaultValue = "9095", description = "Router API (default ${DEFAULT-VALUE}).")
    int routerPort;

    @Option(names = "--ui-port", paramLabel = "PORT", defaultValue = "8090", description = "The web UI, on this machine only (default ${DEFAULT-VALUE}).")
    int uiPort;

    @Option(names = "--sink-port", paramLabel = "PORT", defaultValue = "9099", description = "The local webhook sink (default ${DEFAULT-VALUE}).")
    int sinkPort;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        quietLogs();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Scenario script;
        try {
            script = scenario == null ? Demo.defaultScenario() : ScenarioReader.read(scenario);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.println("slo demo: the scenario has errors; nothing was started");
            err.flush();
            return 2;
        }
        if (speed != null && !(speed >= 1 && speed <= 100_000)) {
            err.println("slo demo: --speed must be within 1..100000 simulated seconds per real second, got " + speed);
            err.flush();
            return 2;
        }
        DemoConsole console = new DemoConsole(out, System.console() != null);
        NotificationPrinter printer = new NotificationPrinter(Clock.systemDefaultZone());
        Demo.Options options = new Demo.Options(Optional.ofNullable(dataDir), script, Optional.ofNullable(speed),
                Duration.ofMillis(250), new Demo.Ports(brokerPort, httpPort, routerPort, sinkPort, uiPort),
                line -> console.println("slo demo: " + line), notification -> console.println(printer.format(notification)));
        Demo demo;
        try {
            demo = Demo.start(options);
        } catch (IOException | IllegalStateException | IllegalArgumentException e) {
            err.println("slo demo: could not start: " + e.getMessage());
            err.flush();
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            console.println("slo demo: stopping ...");
            demo.close();
            stopped.countDown();
        }, "slo-demo-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        Pipeline pipeline = demo.pipeline();
        console.println(pipeline.readyLine());
        console.println(introduction(demo, script, options.effectiveSpeed()));
        long end = duration == null ? Long.MAX_VALUE : System.nanoTime() + duration.toNanos();
        while (!stopped.await(1, TimeUnit.SECONDS)) {
            console.progress(demo.traffic().progress(), demo.alerts(), demo.sink());
            if (System.nanoTime() >= end) {
                Runtime.getRuntime().removeShutdownHook(hook);
                console.println("slo demo: " + duration.toMinutes() + " min are over; stopping ...");
                demo.close();
                return 0;
            }
        }
        return 0;
    }

    /**
     * The demo's terminal is for pages and progress: components log only trouble, unless the user asked for a level
     * with SLO_PIPELINE_LOG_LEVEL (environment or system property).
     */
    private static void quietLogs() {
        if (System.getenv(LOG_LEVEL) != null || System.getProperty(LOG_LEVEL) != null) {
            return;
        }
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext) {
            LoggerContext logging = (LoggerContext) LoggerFactory.getILoggerFactory();
            logging.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).setLevel(Level.WARN);
            for (String chatty : List.of("org.apache.kafka", "kafka", "io.micrometer")) {
                logging.getLogger(chatty).setLevel(Level.ERROR);
            }
        }
    }

    private static List<String> introduction(Demo demo, Scenario script, double speed) {
        Pipeline pipeline = demo.pipeline();
        String phases = script.phases().stream().map(p -> p.name() + " (" + p.duration().toMinutes() + " min)")
                .collect(Collectors.joining(", then "));
        String streams = pipeline.streamsUrl().map(Object::toString).orElse("");
        String router = pipeline.routerUrl().map(Object::toString).orElse("");
        return List.of(
                "slo demo: simulating \"" + script.name() + "\" at " + String.format(Locale.ROOT, "%.0f", speed)
                        + "x (" + humanSpeed(speed) + "), after " + script.history().toHours() + " h of history sent at once:",
                "          " + phases + ".",
                "slo demo: pages reach the sink at " + demo.sink().url() + " and are printed here.",
                "          web UI:      " + pipeline.webUiUrl().map(Object::toString).orElse("(off)"),
                "          SLO status:  " + streams + "/api/v1/slos",
                "          silences:    " + router + "/api/v1/silences      metrics: " + streams + "/metrics, " + router + "/metrics",
                "          Kafka:       " + pipeline.bootstrapServers() + "   (Ctrl-C stops everything)");
    }

    private static String humanSpeed(double speed) {
        double simulatedMinutesPerMinute = speed;
        return simulatedMinutesPerMinute >= 60
                ? String.format(Locale.ROOT, "%.1f simulated hours a minute", simulatedMinutesPerMinute / 60)
                : String.format(Locale.ROOT, "%.0f simulated minutes a minute", simulatedMinutesPerMinute);
    }
}
