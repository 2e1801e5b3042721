package dev.slopipeline.router.topology;

import static dev.slopipeline.router.topology.SloAlertSamples.firing;
import static dev.slopipeline.router.topology.SloAlertSamples.resolved;
import static org.assertj.core.api.Assertions.assertThat;

import dev.slopipeline.definitions.alert.AlertCodec;
import dev.slopipeline.definitions.alert.AlertState;
import dev.slopipeline.definitions.model.Severity;
import dev.slopipeline.kit.result.Decoded;
import dev.slopipeline.router.config.RouterConfig;
import dev.slopipeline.router.config.RouterConfigLoader;
import dev.slopipeline.router.notification.IntentCodec;
import dev.slopipeline.router.notification.Notification;
import dev.slopipeline.router.oncall.incident.AckLinkSigner;
import dev.slopipeline.router.oncall.incident.Incident;
import dev.slopipeline.router.oncall.incident.IncidentCommand;
import dev.slopipeline.router.oncall.incident.IncidentCommandCodec;
import dev.slopipeline.router.oncall.incident.IncidentJson;
import dev.slopipeline.router.oncall.incident.IncidentMetrics;
import dev.slopipeline.router.oncall.incident.IncidentProcessor;
import dev.slopipeline.router.secret.Secret;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pages become incidents that escalate on the wall clock, stop on an acknowledgement and close on recovery. */
class IncidentTopologyTest {

    static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
    static final String SLO = "checkout-availability";

    static String config(Path secret) {
        return """
                route:
                  receiver: default
                  group_by: [slo]
                  group_wait: 0s
                  group_interval: 1m
                  repeat_interval: 1h
                  routes:
                  - matchers: [severity="page"]
                    receiver: pager
                receivers:
                - name: default
                - name: pager
                - name: oncall-email
                  webhook_configs: [{url: 'http://hooks.example/email', send_resolved: true}]
                - name: oncall-slack
                  webhook_configs: [{url: 'http://hooks.example/slack', send_resolved: true}]
                users:
                  - {name: alice, time_zone: Europe/Berlin, contacts: [{type: email, address: alice@example.com}]}
                  - name: bob
                    time_zone: Europe/Berlin
                    contacts: [{type: email, address: bob@example.com}, {type: slack, address: "@bob"}]
                  - {name: erin, time_zone: Europe/Berlin, contacts: [{type: email, address: erin@example.com}]}
                escalation_policies:
                  - name: payments
                    ack_timeout: 30m
                    levels:
                      - {users: [alice], delay: 15m}
                      - {users: [bob], delay: 15m}
                      - {users: [erin]}
                paging:
                  receivers: {pager: payments}
                  contacts: {email: oncall-email, slack: oncall-slack}
                  ack_links: {secret_file: '%s', valid_for: 12h}
                """.formatted(secret.toAbsolutePath());
    }

    @TempDir
    Path folder;

    private Path secret;
    private TopologyTestDriver driver;
    private TestInputTopic<String, byte[]> alerts;
    private TestInputTopic<String, byte[]> commands;
    private TestOutputTopic<String, byte[]> notifications;
    private TestOutputTopic<String, byte[]> incidents;
    private TestOutputTopic<String, byte[]> deadLetters;
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final Map<String, Incident> latest = new LinkedHashMap<>();
    /** The router config as a reload leaves it. */
    private final AtomicReference<RouterConfig> live = new AtomicReference<>();
    private Instant now = T0;

    @BeforeEach
    void start() throws Exception {
        secret = Files.writeString(folder.resolve("ack-secret"), "s3cret-for-links-32-bytes-or-longer\n");
        RouterConfig config = RouterConfigLoader.parse(folder.resolve("router.yml").toString(), config(secret)).orElseThrow();
        Properties properties = new Properties();
        properties.put(StreamsConfig.APPLICATION_ID_CONFIG, "incident-topology-test");
        properties.put(StreamsConfig.STATE_DIR_CONFIG, FreshStateDir.create());
        properties.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        RouterTopics topics = RouterTopics.DEFAULT;
        live.set(config);
        driver = new TopologyTestDriver(RouterTopology.build(RouterTopologyConfig.of(config,
                URI.create("https://router.example"), registry), live::get), properties, T0);
        alerts = driver.createInputTopic(topics.alerts(), new StringSerializer(), new ByteArraySerializer());
        commands = driver.createInputTopic(topics.incidentCommands(), new StringSerializer(), new ByteArraySerializer());
        notifications = driver.createOutputTopic(topics.notifications(), new StringDeserializer(), new ByteArrayDeserializer());
        incidents = driver.createOutputTopic(topics.incidents(), new StringDeserializer(), new ByteArrayDeserializer());
        deadLetters = driver.createOutputTopic(topics.deadLetters(), new StringDeserializer(), new ByteArrayDeserializer());
    }

    @AfterEach
    void close() {
        driver.close();
    }

    @Test
    void shouldPageLevelOneThenEscalateToLevelTwoWhenNobodyAcknowledges() {
        publishFiring();
        assertThat(pagesTo()).containsExactly("alice@example.com");
        Incident incident = incident();
        assertThat(incident.state()).isEqualTo(Incident.State.TRIGGERED);
        assertThat(incident.level()).isEqualTo(1);
        assertThat(incident.notified()).containsExactly("alice");

        advance(Duration.ofMinutes(14));
        assertThat(pagesTo()).isEmpty();
        advance(Duration.ofMinutes(1));
        assertThat(pagesTo()).containsExactly("bob@example.com", "@bob");
        assertThat(incident().level()).isEqualTo(2);
        assertThat(incident().notified()).containsExactly("alice", "bob");
        assertThat(incident().timeline()).extracting(entry -> entry.getClass().getSimpleName())
                .containsExactly("Triggered", "Notified", "Escalated", "Notified");
        // bob has two contact methods: one page all the same; 10:15 UTC is working hours in Berlin
        assertThat(registry.find("slo.router.pages").tag("user", "bob").tag("out_of_hours", "false").counter().count())
                .isEqualTo(1.0);
        assertThat(registry.find("slo.router.incidents.opened").counter().count()).isEqualTo(1.0);
    }

    @Test
    void shouldCountPagesAndTimesToAcknowledgeWithoutNamingPeopleWhenPersonLabelsAreOff() {
        registry.config().meterFilter(IncidentMetrics.withoutPersonLabels());
        publishFiring();
        advance(Duration.ofMinutes(15));
        assertThat(pagesTo()).containsExactly("alice@example.com", "bob@example.com", "@bob");
        command(IncidentCommand.Action.ACKNOWLEDGE, "bob");

        assertThat(registry.find("slo.router.pages").tag("user", "bob").counter()).isNull();
        assertThat(registry.find("slo.router.pages").tag("out_of_hours", "false").counter().count())
                .as("alice's page and bob's, together").isEqualTo(2.0);
        assertThat(registry.find("slo.router.incidents.time_to_ack").timer().getId().getTag("user")).isNull();
        assertThat(registry.find("slo.router.incidents.time_to_ack").timer().count()).isEqualTo(1);
    }

    @Test
    void shouldEscalateAnOpenIncidentUnderTheReloadedPolicy() {
        publishFiring();
        assertThat(pagesTo()).containsExactly("alice@example.com");
        // a reload while the incident waits at level 1: level 2 is now erin, not bob
        live.set(RouterConfigLoader.parse(folder.resolve("router.yml").toString(), config(secret)
                .replace("- {users: [bob], delay: 15m}", "- {users: [erin], delay: 15m}")).orElseThrow());
        advance(Duration.ofMinutes(15));
        assertThat(pagesTo()).containsExactly("erin@example.com");
        assertThat(incident().notified()).containsExactly("alice", "erin");
    }

    @Test
    void shouldStopEscalatingWhenLevelOneAcknowledges() {
        publishFiring();
        pagesTo();
        advance(Duration.ofMinutes(5));
        command(IncidentCommand.Action.ACKNOWLEDGE, "alice");
        assertThat(incident().state()).isEqualTo(Incident.State.ACKNOWLEDGED);
        assertThat(incident().acknowledgement().orElseThrow().by()).isEqualTo("alice");

        advance(Duration.ofMinutes(20));
        assertThat(pagesTo()).isEmpty();
        assertThat(incident().level()).isEqualTo(1);
        assertThat(registry.find("slo.router.incidents.time_to_ack").timer().totalTime(java.util.concurrent.TimeUnit.MINUTES))
                .isEqualTo(5.0);
    }

    @Test
    void shouldIgnoreASecondAcknowledgement() {
        publishFiring();
        command(IncidentCommand.Action.ACKNOWLEDGE, "alice");
        int versions = incidents.readRecordsToList().size();
        command(IncidentCommand.Action.ACKNOWLEDGE, "bob");
        assertThat(incidents.readRecordsToList()).isEmpty();
        assertThat(versions).isGreaterThan(0);
    }

    @Test
    void shouldTellEveryonePagedWhenTheSloRecoversMidEscalation() {
        publishFiring();
        advance(Duration.ofMinutes(15));
        pages();
        advance(Duration.ofMinutes(1));
        alerts.pipeInput(SLO, new AlertCodec().encode(resolved(SLO, Severity.PAGE, Map.of("team", "payments"), T0, now)),
                now);
        advance(Duration.ofMinutes(1)); // the group interval

        List<Notification> allClear = pages();
        assertThat(allClear).extracting(n -> n.commonAnnotations().get("oncall_address"))
                .containsExactlyInAnyOrder("alice@example.com", "bob@example.com", "@bob");
        assertThat(allClear).allSatisfy(n -> assertThat(n.status()).isEqualTo(AlertState.RESOLVED));
        assertThat(incident().state()).isEqualTo(Incident.State.RESOLVED);
        assertThat(incident().resolution().orElseThrow().by()).isEmpty();

        advance(Duration.ofMinutes(30));
        assertThat(pages()).isEmpty();
    }

    @Test
    void shouldPageFromLevelOneAgainWhenAnAcknowledgementTimesOut() {
        publishFiring();
        pages();
        command(IncidentCommand.Action.ACKNOWLEDGE, "alice");
        advance(Duration.ofMinutes(29));
        assertThat(pages()).isEmpty();
        advance(Duration.ofMinutes(1));
        List<Notification> again = pages();
        assertThat(again).extracting(n -> n.commonAnnotations().get("oncall_reason")).containsExactly("retriggered");
        assertThat(incident().state()).isEqualTo(Incident.State.TRIGGERED);
    }

    @Test
    void shouldPutASignedAcknowledgeLinkForThePersonInEveryPage() {
        publishFiring();
        Notification page = pages().get(0);
        assertThat(page.ackUrl()).isNotNull();
        assertThat(page.commonAnnotations()).containsEntry("ack_url", page.ackUrl().toString());
        String token = page.ackUrl().getPath().substring("/ack/".length());
        AckLinkSigner.Verdict verdict = new AckLinkSigner(Secret.fromFile(secret)).verify(token, now.plusSeconds(60));
        assertThat(verdict).isEqualTo(new AckLinkSigner.Verdict.Valid(incident().id(), "alice", T0.plus(Duration.ofHours(12))));
    }

    @Test
    void shouldNotOpenASecondIncidentWhileOneIsOpenNorReopenOneAPersonResolved() {
        publishFiring();
        publishFiring(); // sent again, as after a restart of the streams app: the same alert, still one incident
        advance(Duration.ofHours(1));
        incident();
        assertThat(latest).hasSize(1);
        command(IncidentCommand.Action.RESOLVE, "alice");
        advance(Duration.ofHours(2)); // the group is repeated while the SLO still fires: no new incident
        assertThat(incident().resolution().orElseThrow().by()).contains("alice");
        assertThat(latest).hasSize(1);
    }

    @Test
    void shouldForgetAResolvedIncidentAfterTheRetention() {
        publishFiring();
        String id = incident().id();
        command(IncidentCommand.Action.RESOLVE, "alice");
        advance(IncidentProcessor.RETENTION.minusMinutes(1));
        command(IncidentCommand.Action.ACKNOWLEDGE, "bob");
        assertThat(deadLetters.readRecordsToList()).as("still known: acknowledging it is a quiet no-op").isEmpty();
        advance(Duration.ofMinutes(2));
        commands.pipeInput(SLO, new IncidentCommandCodec().encode(new IncidentCommand(IncidentCommand.Action.ACKNOWLEDGE,
                id, SLO, "bob", Optional.empty(), now)), now);
        assertThat(new String(deadLetters.readRecord().headers().lastHeader("slo.dlq.reason").value())).contains("no incident");
    }

    @Test
    void shouldSendCommandsForUnknownIncidentsToTheDeadLetterTopic() {
        commands.pipeInput(SLO, new IncidentCommandCodec().encode(new IncidentCommand(IncidentCommand.Action.ACKNOWLEDGE,
                "nope", SLO, "alice", Optional.empty(), now)), now);
        TestRecord<String, byte[]> dead = deadLetters.readRecord();
        assertThat(new String(dead.headers().lastHeader("slo.dlq.reason").value())).contains("no incident nope");
    }

    @Test
    void shouldOpenAnIncidentForEachSloOfAPageGroupedByService() throws Exception {
        driver.close();
        RouterConfig byService = RouterConfigLoader.parse(folder.resolve("router.yml").toString(),
                config(secret).replace("group_by: [slo]", "group_by: [service]").replace("group_wait: 0s",
                        "group_wait: 10s")).orElseThrow();
        live.set(byService);
        Properties properties = new Properties();
        properties.put(StreamsConfig.APPLICATION_ID_CONFIG, "incident-topology-test");
        properties.put(StreamsConfig.STATE_DIR_CONFIG, FreshStateDir.create());
        properties.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        driver = new TopologyTestDriver(RouterTopology.build(RouterTopologyConfig.of(byService,
                URI.create("https://router.example"), registry), live::get), properties, T0);
        RouterTopics topics = RouterTopics.DEFAULT;
        alerts = driver.createInputTopic(topics.alerts(), new StringSerializer(), new ByteArraySerializer());
        notifications = driver.createOutputTopic(topics.notifications(), new StringDeserializer(), new ByteArrayDeserializer());
        incidents = driver.createOutputTopic(topics.incidents(), new StringDeserializer(), new ByteArrayDeserializer());
        String search = "search-latency";

        for (String slo : List.of(SLO, search)) {
            alerts.pipeInput(slo, new AlertCodec().encode(firing(slo, Severity.PAGE, Map.of("team", "payments"), T0)), now);
        }
        advance(Duration.ofSeconds(10)); // group_wait: one notification holds both pages

        for (TestRecord<String, byte[]> record : incidents.readRecordsToList()) {
            latest.put(record.key(), IncidentJson.read(record.value()));
        }
        assertThat(latest.values()).extracting(Incident::slo).containsExactlyInAnyOrder(SLO, search);
        assertThat(latest.values()).allSatisfy(incident -> assertThat(incident.notified()).containsExactly("alice"));
        assertThat(pagesTo()).containsExactly("alice@example.com", "alice@example.com");
    }

    @Test
    void shouldOpenAnIncidentPerSeriesOfASplitSloAndResolveEachOnItsOwn() {
        Map<String, String> euWest = Map.of("team", "payments", "region", "eu-west");
        Map<String, String> usEast = Map.of("team", "payments", "region", "us-east");
        alerts.pipeInput(SLO, new AlertCodec().encode(firing(SLO, Severity.PAGE, euWest, T0)), now);
        alerts.pipeInput(SLO, new AlertCodec().encode(firing(SLO, Severity.PAGE, usEast, T0)), now);
        advance(Duration.ofMinutes(1).plusSeconds(1)); // the group's second alert waits for its group_interval

        assertThat(pagesTo()).containsExactly("alice@example.com", "alice@example.com");
        incident();
        assertThat(latest.values()).extracting(incident -> incident.labels().get("region"))
                .containsExactlyInAnyOrder("eu-west", "us-east");
        assertThat(latest.values()).extracting(Incident::state).containsOnly(Incident.State.TRIGGERED);

        alerts.pipeInput(SLO, new AlertCodec().encode(resolved(SLO, Severity.PAGE, euWest, T0, now)), now);
        advance(Duration.ofMinutes(1).plusSeconds(1));

        incident();
        assertThat(latest.values()).extracting(incident -> incident.labels().get("region") + " " + incident.state())
                .containsExactlyInAnyOrder("eu-west " + Incident.State.RESOLVED, "us-east " + Incident.State.TRIGGERED);
    }

    private void publishFiring() {
        alerts.pipeInput(SLO, new AlertCodec().encode(firing(SLO, Severity.PAGE, Map.of("team", "payments"), T0)), now);
    }

    private void command(IncidentCommand.Action action, String by) {
        commands.pipeInput(SLO, new IncidentCommandCodec().encode(new IncidentCommand(action, incident().id(), SLO, by,
                Optional.empty(), now)), now);
    }

    private void advance(Duration duration) {
        now = now.plus(duration);
        driver.advanceWallClockTime(duration);
    }

    /** The addresses of the pages (not all-clears) written since the last look. */
    private List<String> pagesTo() {
        return pages().stream().filter(n -> n.status() == AlertState.FIRING)
                .map(n -> n.commonAnnotations().get("oncall_address")).toList();
    }

    /** The incident intents written since the last look (the pager receiver's own group intents left out). */
    private List<Notification> pages() {
        List<Notification> read = new ArrayList<>();
        for (TestRecord<String, byte[]> record : notifications.readRecordsToList()) {
            Decoded<Notification> decoded = new IntentCodec().decode(record.key(), record.value());
            Notification notification = ((Decoded.Ok<Notification>) decoded).value();
            if (notification.receiver().startsWith("oncall-")) {
                read.add(notification);
            }
        }
        return read;
    }

    private Incident incident() {
        for (TestRecord<String, byte[]> record : incidents.readRecordsToList()) {
            latest.put(record.key(), IncidentJson.read(record.value()));
        }
        assertThat(latest).isNotEmpty();
        return latest.values().iterator().next();
    }
}
