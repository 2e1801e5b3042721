package dev.slopipeline.faults.kill;

import dev.slopipeline.faults.Await;
import dev.slopipeline.faults.kafka.TopicTail;
import dev.slopipeline.faults.receiver.WebhookReceiver;
import dev.slopipeline.faults.scenario.IncidentPlayer;
import dev.slopipeline.faults.scenario.Journeys;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The pipeline as three processes (broker, streams app, router) on one broker data folder, paging a real
 * local webhook receiver while incidents play one after another; meanwhile a killer SIGKILLs a randomly
 * chosen process at random moments and starts it again. Afterwards every page and resolve must have
 * arrived, no idempotency key may have been accepted twice, and every malformed record must be on the
 * dead-letter topic exactly once. With escalation, every page opens an incident that nobody acknowledges:
 * alice is paged at once, bob a minute later by the escalation timer, whatever was killed meanwhile.
 */
public final class KillRun {

    /** What to do: how many kills, how far apart, with which seed. */
    public record Options(int kills, long seed, Duration minGap, Duration maxGap, int dropEvery, int malformedPerIncident,
                          int minIncidents, boolean escalation) {
        public static Options defaults() {
            return new Options(20, System.currentTimeMillis(), Duration.ofSeconds(2), Duration.ofSeconds(12), 0, 20, 2, true);
        }
    }

    private static final Duration STEP_TIMEOUT = Duration.ofMinutes(4);
    private static final int MAX_INCIDENTS = 200;
    private static final String SECRET = "kill-run-signing-key";
    static final String PAGER = "/pager";
    static final String ONCALL = "/oncall";

    private final Options options;
    private final Path folder;
    private final Random random;
    private final Random pacing;
    private final HttpClient http = HttpClient.newHttpClient();
    private volatile String routerPort;

    public KillRun(Options options, Path folder) {
        this.options = options;
        this.folder = folder;
        this.random = new Random(options.seed());
        this.pacing = new Random(options.seed() + 1);
    }

    public KillReport run() throws Exception {
        Instant began = Instant.now();
        int brokerPort = freePort();
        String bootstrap = "localhost:" + brokerPort;
        Path definitions = Files.createDirectories(folder.resolve("definitions"));
        Files.writeString(definitions.resolve("journeys.yaml"), Journeys.yaml(MAX_INCIDENTS));
        KillReport.Builder report = new KillReport.Builder(options, began);

        try (WebhookReceiver receiver = WebhookReceiver.start(SECRET);
             ChildProcess broker = new ChildProcess("broker", folder, List.of(folder.resolve("kafka").toString(),
                     Integer.toString(brokerPort), Integer.toString(freePort())));
             ChildProcess streams = new ChildProcess("streams", folder, List.of(bootstrap, folder.resolve("streams-state").toString(),
                     definitions.toString()));
             ChildProcess router = new ChildProcess("router", folder, List.of(bootstrap, routerConfig(receiver).toString(),
                     folder.resolve("router-state").toString()))) {
            receiver.dropEvery(options.dropEvery());
            broker.start(STEP_TIMEOUT);
            streams.start(STEP_TIMEOUT);
            routerPort = router.start(STEP_TIMEOUT);
            awaitRouterReady();

            List<ChildProcess> parts = List.of(broker, streams, router);
            AtomicBoolean killing = new AtomicBoolean(true);
            List<Throwable> killerFailure = new ArrayList<>();
            Thread killer = new Thread(() -> {
                try {
                    for (int kill = 1; kill <= options.kills(); kill++) {
                        Await.pause(gap(random));
                        ChildProcess victim = parts.get(random.nextInt(parts.size()));
                        Instant at = Instant.now();
                        victim.kill();
                        String answer = victim.start(STEP_TIMEOUT);
                        if (victim == router) {
                            routerPort = answer;
                        }
                        report.kill(victim.name(), Duration.between(at, Instant.now()));
                    }
                } catch (Throwable e) {
                    killerFailure.add(e);
                } finally {
                    killing.set(false);
                }
            }, "killer");

            try (IncidentPlayer player = new IncidentPlayer(bootstrap, "slo.events.requests", Duration.ofMillis(300), Map.of())) {
                killer.start();
                int incident = 0;
                while ((killing.get() || incident < options.minIncidents()) && incident < MAX_INCIDENTS && report.failures().isEmpty()) {
                    incident++;
                    playIncident(incident, player, receiver, report);
                }
                killer.join();
                killerFailure.forEach(e -> report.failure("the killer stopped: " + e));
                if (report.failures().isEmpty()) {
                    awaitQuietly("nothing pending at the router", this::nothingPending, report);
                }
                report.incidents(incident);
            }
            try (TopicTail deadLetters = new TopicTail(bootstrap, "slo.events.dlq")) {
                long expected = report.malformedSent();
                awaitQuietly("every malformed record on the dead-letter topic", () -> deadLetters.poll().size() >= expected, report);
                Await.pause(Duration.ofSeconds(2));
                report.deadLetters(deadLetters.poll().size());
            }
            report.receiver(receiver);
        }
        return report.build(Instant.now());
    }

    private void playIncident(int incident, IncidentPlayer player, WebhookReceiver receiver, KillReport.Builder report) {
        String slo = Journeys.slo(incident);
        Instant start = Instant.now();
        player.outage(incident);
        player.malformed(options.malformedPerIncident());
        report.malformed(options.malformedPerIncident());
        if (!awaitQuietly("the page of " + slo, () -> delivered(receiver, "firing", slo), report)) {
            return;
        }
        report.pageLatency(Duration.between(start, Instant.now()));
        if (options.escalation()) {
            Instant paged = Instant.now();
            if (!awaitQuietly("the escalation of " + slo + " to bob", () -> receiver.deliveredPages(ONCALL, "firing").stream()
                    .anyMatch(page -> page.slo().equals(slo) && page.oncallUser().equals("bob")), report)) {
                return;
            }
            report.escalation(Duration.between(paged, Instant.now()));
        }
        Instant recovery = Instant.now();
        player.recover(incident);
        if (awaitQuietly("the resolve of " + slo, () -> delivered(receiver, "resolved", slo), report)) {
            report.resolveLatency(Duration.between(recovery, Instant.now()));
        }
        player.settled(incident);
        // incidents spaced like kills, so a long run plays about as many incidents as it kills processes
        Await.pause(gap(pacing));
    }

    private static boolean delivered(WebhookReceiver receiver, String state, String slo) {
        return receiver.deliveredPages(PAGER, state).stream().anyMatch(page -> page.slo().equals(slo));
    }

    private boolean awaitQuietly(String what, java.util.function.BooleanSupplier condition, KillReport.Builder report) {
        try {
            Await.until(what, STEP_TIMEOUT, condition);
            return true;
        } catch (AssertionError e) {
            report.failure(e.getMessage());
            return false;
        }
    }

    private Duration gap(Random source) {
        long min = options.minGap().toMillis();
        long max = Math.max(min, options.maxGap().toMillis());
        return Duration.ofMillis(min + (long) (source.nextDouble() * (max - min)));
    }

    private void awaitRouterReady() {
        Await.until("the router ready", STEP_TIMEOUT, () -> status("/readyz") == 200);
    }

    private boolean nothingPending() {
        try {
            HttpResponse<String> reply = get("/api/v1/deliveries/pending");
            return reply.statusCode() == 200 && reply.body().contains("\"pending\":[]");
        } catch (IOException e) {
            return false;
        }
    }

    private int status(String path) {
        try {
            return get(path).statusCode();
        } catch (IOException e) {
            return -1;
        }
    }

    private HttpResponse<String> get(String path) throws IOException {
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + routerPort + path))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private Path routerConfig(WebhookReceiver receiver) throws IOException {
        Path secret = Files.writeString(folder.resolve("pager.hmac"), SECRET);
        return Files.writeString(folder.resolve("router.yml"), """
                route:
                  receiver: pager
                  group_by: [slo, severity]
                  group_wait: 1s
                  group_interval: 2s
                  repeat_interval: 24h
                receivers:
                - name: pager
                  webhook_configs: [{url: '%s', slo_signing_secret_file: '%s'}]
                - name: oncall
                  webhook_configs: [{url: '%s', slo_signing_secret_file: '%s', send_resolved: true}]
                delivery: {retry_initial_backoff: 200ms, retry_max_backoff: 2s}
                """.formatted(receiver.url(PAGER), secret, receiver.url(ONCALL), secret)
                + (options.escalation() ? """
                users:
                  - {name: alice, time_zone: UTC, contacts: [{type: email, address: alice@example.com}]}
                  - {name: bob, time_zone: UTC, contacts: [{type: email, address: bob@example.com}]}
                escalation_policies:
                  - {name: shop, levels: [{users: [alice], delay: 1m}, {users: [bob]}]}
                paging:
                  receivers: {pager: shop}
                  contacts: {email: oncall}
                """ : ""));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

}
