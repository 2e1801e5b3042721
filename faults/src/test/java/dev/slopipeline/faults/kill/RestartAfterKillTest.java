package dev.slopipeline.faults.kill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.slopipeline.broker.EmbeddedKafkaBroker;
import dev.slopipeline.faults.receiver.PagerRoute;
import dev.slopipeline.faults.receiver.WebhookReceiver;
import dev.slopipeline.faults.scenario.IncidentPlayer;
import dev.slopipeline.faults.scenario.Journeys;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestClassOrder;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

/**
 * Recovery from a crash as users run the pipeline, with the settings they get: {@code bin/slo run streams} and
 * {@code bin/slo run router} as two processes on a broker of the test's, then {@code bin/slo run}, broker included, as
 * one. Each is SIGKILLed after it served and paged, and started again on its data folder: it must serve again long
 * before the killed instance's Kafka session could have expired, so without waiting for it (the apps rejoin their
 * groups as the same static members), and an incident that starts right after must page, under one idempotency key as
 * every incident before it. The sessions are made {@value #SESSION_SECONDS} s long (Kafka's default is 45 s) so that
 * waiting for one and a slow start on a busy machine cannot be mistaken for each other.
 * Each recovery time is printed; output and data stay in {@code target/restart-after-kill/}.
 */
@Tag("integration")
@Timeout(value = 12, unit = TimeUnit.MINUTES)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestClassOrder(ClassOrderer.OrderAnnotation.class)
class RestartAfterKillTest {

    private static final long SESSION_SECONDS = 180;
    /** Every Kafka client of the apps: a member that waited for the killed one's session would take this long. */
    private static final String SESSION_TIMEOUT = "kafka.session.timeout.ms=" + SESSION_SECONDS * 1000;
    /**
     * From the SIGKILL to the restarted process serving: well under the session, with room for a slow start on a
     * busy machine (4 to 20 s measured there).
     */
    private static final Duration RECOVERY = Duration.ofSeconds(SESSION_SECONDS / 2);
    private static final Duration STARTUP = Duration.ofMinutes(4);
    private static final Duration PAGE = Duration.ofMinutes(2);
    private static final String HOOK = "/pager";

    private final List<String> paged = new ArrayList<>();
    private Path slo;
    private Path folder;
    private Path definitions;
    private Path routerConfig;
    private WebhookReceiver receiver;

    @BeforeAll
    void buildTheCommandLineAndStartTheReceiver() throws Exception {
        slo = SloScript.path();
        folder = SloScript.freshFolder("restart-after-kill");
        buildTheJar();
        receiver = WebhookReceiver.start(null);
        definitions = Files.createDirectories(folder.resolve("definitions"));
        Files.writeString(definitions.resolve("shop.yaml"), Journeys.yaml(6));
        routerConfig = Files.writeString(folder.resolve("router.yml"), PagerRoute.yaml(receiver.url(HOOK).toString(), "500ms"));
    }

    @AfterAll
    void stopTheReceiver() {
        if (receiver != null) {
            receiver.close();
        }
    }

    /** One way of running the pipeline: what it started, closed in reverse once its tests ran, and its incidents. */
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    abstract class Run {

        private final List<AutoCloseable> started = new ArrayList<>();
        IncidentPlayer player;

        <T extends AutoCloseable> T started(T part) {
            started.add(part);
            return part;
        }

        /** Incidents played on the requests topic of {@code bootstrapServers}, a live tick every 300 ms. */
        void playIncidentsOn(String bootstrapServers) {
            player = started(new IncidentPlayer(bootstrapServers, "slo.events.requests", Duration.ofMillis(300), Map.of()));
        }

        @AfterAll
        void stopWhatStarted() {
            closeInReverse(started);
        }
    }

    @Nested
    @Order(1)
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    class EachComponentAlone extends Run {

        private ChildProcess streams;
        private ChildProcess router;

        @BeforeAll
        void startStreamsAppAndRouterOnTheTestsBroker() throws IOException, InterruptedException {
            String bootstrap = started(EmbeddedKafkaBroker.builder().dataDirectory(folder.resolve("kafka")).start())
                    .bootstrapServers();
            apply(bootstrap);
            streams = component("streams", "--bootstrap-servers", bootstrap, "--http-port", "0");
            router = component("router", "--bootstrap-servers", bootstrap, "--router-config", routerConfig.toString(),
                    "--router-port", "0");
            streams.launch();
            router.launch();
            System.out.println("restart-after-kill: " + streams.awaitReady(STARTUP));
            System.out.println("restart-after-kill: " + router.awaitReady(STARTUP));
            playIncidentsOn(bootstrap);
        }

        @Test
        @Order(1)
        void shouldServeAgainWithoutWaitingForTheKilledSessionAndPageWhenTheStreamsAppIsKilled() {
            pageFor(player, 1);

            killAndRestart(streams);

            pageFor(player, 2);
        }

        @Test
        @Order(2)
        void shouldServeAgainWithoutWaitingForTheKilledSessionAndPageWhenTheRouterIsKilled() {
            pageFor(player, 3);

            killAndRestart(router);

            pageFor(player, 4);
        }

        /** {@code slo run <component>} with a data folder of its own and no web UI. */
        private ChildProcess component(String component, String... more) {
            List<String> arguments = new ArrayList<>(List.of("run", component,
                    "--data-dir", folder.resolve(component).toString(),
                    "--ui-port", "off",
                    "--ready-timeout", STARTUP.toString(),
                    "--set", SESSION_TIMEOUT));
            arguments.addAll(List.of(more));
            return started(ChildProcess.slo(component, slo, folder, arguments));
        }
    }

    @Nested
    @Order(2)
    class TheWholePipelineInOneProcess extends Run {

        private ChildProcess pipeline;

        @BeforeAll
        void startSloRun() throws IOException, InterruptedException {
            // a fixed port: the incident player finds the restarted broker where the killed one was
            int brokerPort = freePort();
            String bootstrap = "localhost:" + brokerPort;
            pipeline = started(ChildProcess.slo("pipeline", slo, folder, List.of("run",
                    "--data-dir", folder.resolve("pipeline").toString(),
                    "--broker-port", Integer.toString(brokerPort),
                    "--router-config", routerConfig.toString(),
                    "--http-port", "0", "--router-port", "0", "--ui-port", "off",
                    "--ready-timeout", STARTUP.toString(), "--set", SESSION_TIMEOUT)));
            System.out.println("restart-after-kill: " + pipeline.start(STARTUP));
            apply(bootstrap);
            playIncidentsOn(bootstrap);
        }

        @Test
        void shouldServeAgainWithoutWaitingForTheKilledSessionAndPageWhenSloRunIsKilled() {
            pageFor(player, 5);
            resolve(player, 5);

            killAndRestart(pipeline);

            pageFor(player, 6);
        }
    }

    /**
     * SIGKILL, then the same command again: it must serve within {@link #RECOVERY} of the kill. When it does not, it is
     * still waited for, so that the failure says how long it took.
     */
    private void killAndRestart(ChildProcess child) {
        Instant kill = Instant.now();
        child.kill();
        child.launch();
        try {
            await(child.name() + " to serve again after a SIGKILL").atMost(RECOVERY).pollInterval(Duration.ofMillis(100))
                    .until(child::serves);
        } catch (ConditionTimeoutException slow) {
            child.awaitReady(STARTUP);
            throw new AssertionError(String.format("%s served again %.1f s after the SIGKILL, not within %d s: did it wait "
                            + "for the killed instance's %d s session? (see %s)",
                    child.name(), seconds(kill, Instant.now()), RECOVERY.toSeconds(), SESSION_SECONDS, child.log()), slow);
        }
        System.out.printf("restart-after-kill: %s served again %.1f s after the SIGKILL%n", child.name(),
                seconds(kill, Instant.now()));
    }

    /**
     * Starts an outage of {@code journey}: its page must reach the receiver, and every incident so far must have paged
     * under one idempotency key, whatever was killed since. (A page whose answer a kill cut off is sent again under
     * its key, for the receiver to recognise: the one window the delivery guarantees name.)
     */
    private void pageFor(IncidentPlayer player, int journey) {
        String slo = Journeys.slo(journey);
        Instant outage = Instant.now();
        player.outage(journey);
        await("the page of " + slo).atMost(PAGE).pollInterval(Duration.ofMillis(200)).until(() -> keys(slo, "firing") > 0);
        System.out.printf("restart-after-kill: %s paged %.1f s after its outage began%n", slo, seconds(outage, Instant.now()));
        paged.add(slo);
        assertThat(paged).as("incidents paged under one key each")
                .allSatisfy(each -> assertThat(keys(each, "firing")).as(each).isEqualTo(1));
    }

    /** Ends the outage of {@code journey}: its resolve must reach the receiver; then its traffic stops. */
    private void resolve(IncidentPlayer player, int journey) {
        String slo = Journeys.slo(journey);
        player.recover(journey);
        await("the resolve of " + slo).atMost(PAGE).pollInterval(Duration.ofMillis(200))
                .until(() -> keys(slo, "resolved") > 0);
        player.settled(journey);
    }

    /** Idempotency keys of the delivered {@code status} notifications that hold the page of {@code slo}. */
    private long keys(String slo, String status) {
        return receiver.received().stream()
                .filter(request -> request.delivered() && request.path().equals(HOOK) && request.status().equals(status))
                .filter(request -> request.alerts().stream()
                        .anyMatch(alert -> alert.slo().equals(slo) && alert.severity().equals("page")))
                .map(WebhookReceiver.Received::idempotencyKey)
                .distinct()
                .count();
    }

    /** The first {@code bin/slo} builds its jar when a source is newer: once, before processes start side by side. */
    private void buildTheJar() throws IOException, InterruptedException {
        runToTheEnd("build", List.of("--version"));
    }

    /** {@code bin/slo apply}, as CI publishes the definitions; running streams apps pick them up. */
    private void apply(String bootstrapServers) throws IOException, InterruptedException {
        runToTheEnd("apply", List.of("apply", "--bootstrap-servers", bootstrapServers, definitions.toString()));
    }

    private void runToTheEnd(String name, List<String> arguments) throws IOException, InterruptedException {
        Path log = folder.resolve(name + ".log");
        List<String> command = new ArrayList<>(List.of(slo.toString()));
        command.addAll(arguments);
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        assertThat(process.waitFor(10, TimeUnit.MINUTES)).as("bin/slo %s within 10 minutes (see %s)", name, log).isTrue();
        assertThat(process.exitValue()).as("bin/slo %s (see %s)", name, log).isZero();
    }

    private static void closeInReverse(List<AutoCloseable> closeables) {
        for (int i = closeables.size() - 1; i >= 0; i--) {
            try {
                closeables.get(i).close();
            } catch (Exception e) {
                System.out.println("restart-after-kill: closing " + closeables.get(i) + " failed: " + e);
            }
        }
        closeables.clear();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static double seconds(Instant from, Instant to) {
        return Duration.between(from, to).toMillis() / 1000.0;
    }
}
