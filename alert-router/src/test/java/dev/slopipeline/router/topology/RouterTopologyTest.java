package dev.slopipeline.router.topology;

import static dev.slopipeline.router.topology.RouterDriver.EXTERNAL_URL;
import static dev.slopipeline.router.topology.RouterDriver.T0;
import static dev.slopipeline.router.topology.SloAlertSamples.firing;
import static dev.slopipeline.router.topology.SloAlertSamples.resolved;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import dev.slopipeline.definitions.alert.AlertState;
import dev.slopipeline.definitions.model.Severity;
import dev.slopipeline.kit.deadletter.DeadLetterHeaders;
import dev.slopipeline.router.notification.Notification;
import dev.slopipeline.router.routing.group.MicrometerPipelineMetrics;
import dev.slopipeline.router.routing.inhibit.DefaultInhibition;
import dev.slopipeline.router.routing.matcher.MatcherParser;
import dev.slopipeline.router.routing.matcher.Matchers;
import dev.slopipeline.router.routing.silence.SilenceLimits;
import dev.slopipeline.router.routing.silence.SilenceRequest;
import io.micrometer.core.instrument.Counter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The router topology end to end in a test driver: alerts in, notification intents out, on the wall clock. */
class RouterTopologyTest {

    static final String CONFIG = """
            route:
              receiver: default
              group_by: [slo]
              group_wait: 30s
              group_interval: 5m
              repeat_interval: 1h
              routes:
              - matchers: [severity="page"]
                receiver: pager
                continue: true
              - matchers: [team="payments"]
                receiver: payments
              - matchers: [slo="muted"]
                receiver: default
                mute_time_intervals: [always]
            receivers:
            - name: default
              webhook_configs: [{url: 'http://hooks.example/default'}]
            - name: pager
              webhook_configs: [{url: 'http://hooks.example/pager', send_resolved: true}]
            - name: payments
              webhook_configs: [{url: 'http://hooks.example/payments'}]
            time_intervals:
            - name: always
              time_intervals:
              - weekdays: ['sunday:saturday']
            """;

    private static final Duration GROUP_WAIT = Duration.ofSeconds(30);
    private static final Duration ONE_SECOND = Duration.ofSeconds(1);

    private RouterDriver router;

    private RouterDriver start(DefaultInhibition inhibition) {
        router = new RouterDriver(CONFIG, inhibition);
        return router;
    }

    @AfterEach
    void close() {
        if (router != null) {
            router.close();
        }
    }

    @Test
    void shouldNotifyAFiringPageAfterGroupWaitWithAlertmanagerLabels() {
        RouterDriver r = start(DefaultInhibition.ON);
        r.publish(firing("checkout-availability", Severity.PAGE, Map.of("region", "eu"), T0));

        r.advance(GROUP_WAIT.minus(ONE_SECOND));
        assertThat(r.newNotifications()).isEmpty();
        r.advance(ONE_SECOND);
        List<Notification> sent = r.newNotifications();

        assertThat(sent).hasSize(1);
        Notification page = sent.get(0);
        assertThat(page.receiver()).isEqualTo("pager");
        assertThat(page.status()).isEqualTo(AlertState.FIRING);
        assertThat(page.groupLabels()).containsExactly(entry("slo", "checkout-availability"));
        assertThat(page.externalUrl()).isEqualTo(EXTERNAL_URL);
        assertThat(page.idempotencyKey()).matches("[0-9a-f]{32}");
        assertThat(page.alerts()).singleElement().satisfies(alert -> {
            assertThat(alert.labels()).containsOnly(entry("alertname", "SLOBurnRate"),
                    entry("slo", "checkout-availability"), entry("service", "storefront"), entry("journey", "checkout"),
                    entry("severity", "page"), entry("region", "eu"));
            assertThat(alert.annotations()).containsEntry("burn_rate", "20.1")
                    .containsEntry("runbook_url", "https://runbooks.example/checkout")
                    .containsKey("summary");
            assertThat(alert.startsAt()).isEqualTo(T0);
            assertThat(alert.endsAt()).isNull();
        });
        assertThat(page.commonLabels()).containsEntry("severity", "page");
        assertThat(r.registry.get(MicrometerPipelineMetrics.NOTIFICATIONS).tag("receiver", "pager").counter().count())
                .isEqualTo(1.0);
    }

    @Test
    void shouldNotifyEveryReceiverOfAContinuingRoute() {
        RouterDriver r = start(DefaultInhibition.ON);
        r.publish(firing("checkout-availability", Severity.PAGE, Map.of("team", "payments"), T0));

        r.advance(GROUP_WAIT);

        assertThat(r.newNotifications()).extracting(Notification::receiver).containsExactly("pager", "payments");
    }

    @Test
    void shouldBatchASecondAlertOfTheGroupIntoTheNextFlush() {
        RouterDriver r = start(DefaultInhibition.ON);
        r.publish(firing("checkout-availability", Severity.PAGE, Map.of("region", "eu"), T0));
        r.advance(GROUP_WAIT);
        assertThat(r.newNotifications()).hasSize(1);

        r.advanceTo(Duration.ofMinutes(1));
        r.publish(firing("checkout-availability", Severity.PAGE, Map.of("region", "us"), r.now()));
        r.advanceTo(Duration.ofMinutes(5).plus(GROUP_WAIT).minus(ONE_SECOND));
        assertThat(r.newNotifications()).isEmpty();
        r.advance(ONE_SECOND);

        assertThat(r.newNotifications()).singleElement().satisfies(both -> assertThat(both.alerts())
                .extracting(alert -> alert.labels().get("region")).containsExactly("eu", "us"));
    }

    @Test
    void shouldNotifyTheResolutionToAReceiverThatWantsIt() {
        RouterDriver r = start(DefaultInhibition.ON);
        r.publish(firing("checkout-availability", Severity.PAGE, Map.of(), T0));
        r.advance(GROUP_WAIT);
        Notification fired = r.newNotifications().get(0);

        r.advanceTo(Duration.ofMinutes(2));
        r.publish(resolved("checkout-availability", Severity.PAGE, Map.of(), T0, r.now()));
        r.advanceTo(Duration.ofMinutes(5).plus(GROUP_WAIT));

        assertThat(r.newNotifications()).singleElement().satisfies(done -> {
            assertThat(done.status()).isEqualTo(AlertState.RESOLVED);
            assertThat(done.groupKey()).isEqualTo(fired.groupKey());
            assertThat(done.idempotencyKey()).isNotEqualTo(fired.idempotencyKey());
            assertThat(done.alerts().get(0).endsAt()).isEqualTo(T0.plus(Duration.ofMinutes(2)));
        });
    }

    @Test
    void shouldNotifyAgainAfterRepeatInterval() {
        RouterDriver r = start(DefaultInhibition.ON);
        r.publish(firing("checkout-availability", Severity.PAGE, Map.of(), T0));
        r.advance(GROUP_WAIT);
        assertThat(r.newNotifications()).hasSize(1);

        // Up to the flush at 60m30s nothing is new, and exactly repeat_interval is not yet more than it.
        for (int flush = 1; flush <= 12; flush++) {
            r.advanceTo(GROUP_WAIT.plus(Duration.ofMinutes(5L * flush)));
            assertThat(r.newNotifications()).as("flush %d", flush).isEmpty();
        }
        r.advanceTo(GROUP_WAIT.plus(Duration.ofMinutes(65)));

        assertThat(r.newNotifications()).singleElement()
                .satisfies(again -> assertThat(again.idempotencyKey()).isNotEqualTo(r.sent.get(0).idempotencyKey()));
    }

    @Test
    void shouldLetAPageInhibitTheTicketOfTheSameSlo() {
        RouterDriver r = start(DefaultInhibition.ON);
        r.publish(firing("checkout-availability", Severity.PAGE, Map.of(), T0));
        r.publish(firing("checkout-availability", Severity.TICKET, Map.of(), T0));

        r.advance(GROUP_WAIT);

        assertThat(r.newNotifications()).extracting(Notification::receiver).containsExactly("pager");
        assertThat(suppressedBy(r, "inhibit"))
                .isEqualTo(1.0);
    }

    @Test
    void shouldNotifyTheTicketWhenDefaultInhibitionIsOff() {
        RouterDriver r = start(DefaultInhibition.OFF);
        r.publish(firing("checkout-availability", Severity.PAGE, Map.of(), T0));
        r.publish(firing("checkout-availability", Severity.TICKET, Map.of(), T0));

        r.advance(GROUP_WAIT);

        assertThat(r.newNotifications()).extracting(Notification::receiver).containsExactlyInAnyOrder("pager", "default");
    }

    @Test
    void shouldHoldBackAlertsOfAMutedRoute() {
        RouterDriver r = start(DefaultInhibition.ON);
        r.publish(firing("muted", Severity.TICKET, Map.of(), T0));

        r.advance(Duration.ofMinutes(10));

        assertThat(r.newNotifications()).isEmpty();
        assertThat(suppressedBy(r, "time_mute"))
                .isPositive();
    }

    @Test
    void shouldSilenceWhileTheSilenceIsActiveAndNotifyOnceItIsExpired() {
        RouterDriver r = start(DefaultInhibition.ON);
        UUID id = UUID.fromString("6f9619ff-8b86-d011-b42d-00c04fc964ff");
        createSilence(r, id, "slo=\"checkout-availability\"");
        assertThat(r.silences.readKeyValuesToMap()).containsOnlyKeys(id.toString());

        r.publish(firing("checkout-availability", Severity.PAGE, Map.of(), T0));
        r.advance(GROUP_WAIT);
        assertThat(r.newNotifications()).isEmpty();
        assertThat(suppressedBy(r, "silence"))
                .isEqualTo(1.0);

        r.advanceTo(Duration.ofMinutes(2));
        r.commands.pipeInput(id.toString(), new SilenceCommandCodec().encode(new SilenceCommand.Expire(id)), r.now());
        r.advanceTo(Duration.ofMinutes(5).plus(GROUP_WAIT));

        assertThat(r.newNotifications()).extracting(Notification::receiver).containsExactly("pager");
        assertThat(r.deadLetters.isEmpty()).isTrue();
    }

    @Test
    void shouldNotSilenceAlertsTheMatchersDoNotSelect() {
        RouterDriver r = start(DefaultInhibition.ON);
        createSilence(r, UUID.randomUUID(), "slo=\"search-latency\"");

        r.publish(firing("checkout-availability", Severity.PAGE, Map.of(), T0));
        r.advance(GROUP_WAIT);

        assertThat(r.newNotifications()).hasSize(1);
    }

    @Test
    void shouldSendAnUnreadableAlertToTheDeadLetterTopicAndCarryOn() {
        RouterDriver r = start(DefaultInhibition.ON);
        r.alerts.pipeInput("checkout-availability", "{\"slo\":".getBytes(StandardCharsets.UTF_8), T0);
        r.publish(firing("checkout-availability", Severity.PAGE, Map.of(), T0));
        r.advance(GROUP_WAIT);

        TestRecord<String, byte[]> letter = r.deadLetters.readRecord();
        assertThat(letter.key()).isEqualTo("checkout-availability");
        assertThat(new String(letter.value(), StandardCharsets.UTF_8)).isEqualTo("{\"slo\":");
        assertThat(header(letter, DeadLetterHeaders.TOPIC)).isEqualTo("slo.alerts");
        assertThat(header(letter, DeadLetterHeaders.REASON)).isNotBlank();
        assertThat(r.newNotifications()).hasSize(1);
    }

    @Test
    void shouldSendARefusedCommandToTheDeadLetterTopicWithTheReason() {
        RouterDriver r = start(DefaultInhibition.ON);
        UUID unknown = UUID.fromString("00000000-0000-4000-8000-000000000001");

        r.commands.pipeInput(unknown.toString(),
                new SilenceCommandCodec().encode(new SilenceCommand.Expire(unknown)), T0);

        TestRecord<String, byte[]> letter = r.deadLetters.readRecord();
        assertThat(header(letter, DeadLetterHeaders.REASON)).isEqualTo("no silence with id " + unknown);
        assertThat(header(letter, DeadLetterHeaders.TOPIC)).isEqualTo("router.commands");
        assertThat(r.silences.isEmpty()).isTrue();
    }

    @Test
    void shouldCreateNoSilenceBeyondTheLimitWhenTwoInstancesSendTheLastOneTogether() {
        RouterDriver r = start(new SilenceLimits(2, Duration.ofDays(1)));
        UUID first = silenceId(1);
        UUID second = silenceId(2);
        UUID third = silenceId(3);
        createSilence(r, first, "slo=\"checkout-availability\"");
        // two APIs each saw one silence and let theirs through: the commands meet where silences are created
        createSilence(r, second, "slo=\"search-latency\"");
        createSilence(r, third, "slo=\"catalog-browse\"");

        assertThat(r.silences.readKeyValuesToMap()).containsOnlyKeys(first.toString(), second.toString());
        TestRecord<String, byte[]> letter = r.deadLetters.readRecord();
        assertThat(letter.key()).isEqualTo(third.toString());
        assertThat(header(letter, DeadLetterHeaders.REASON))
                .contains("there are 2 active or pending silences, the most this router allows (router.silences.max is 2)");

        r.commands.pipeInput(first.toString(), new SilenceCommandCodec().encode(new SilenceCommand.Expire(first)), r.now());
        createSilence(r, third, "slo=\"catalog-browse\"");
        assertThat(r.silences.readKeyValuesToMap()).as("an expired silence leaves its place")
                .containsOnlyKeys(first.toString(), third.toString());
        assertThat(r.deadLetters.isEmpty()).isTrue();
    }

    @Test
    void shouldRefuseASilenceLongerThanTheLimitAndRecordTheTokenOfOneItCreates() {
        RouterDriver r = start(new SilenceLimits(10, Duration.ofHours(2)));
        UUID tooLong = silenceId(1);
        UUID allowed = silenceId(2);
        Matchers checkout = Matchers.of(MatcherParser.parse("slo=\"checkout-availability\"").matchers());

        r.commands.pipeInput(tooLong.toString(), new SilenceCommandCodec().encode(new SilenceCommand.Create(tooLong,
                new SilenceRequest(checkout, T0, T0.plus(Duration.ofHours(3)), "alice", "all afternoon"))), r.now());
        r.commands.pipeInput(allowed.toString(), new SilenceCommandCodec().encode(new SilenceCommand.Create(allowed,
                new SilenceRequest(checkout, T0, T0.plus(Duration.ofHours(2)), "alice", "two hours")
                        .withCreatedByToken("ci-bot"))), r.now());

        assertThat(header(r.deadLetters.readRecord(), DeadLetterHeaders.REASON))
                .contains("it lasts 3h, longer than the 2h a silence may last");
        Map<String, byte[]> stored = r.silences.readKeyValuesToMap();
        assertThat(stored).containsOnlyKeys(allowed.toString());
        assertThat(new String(stored.get(allowed.toString()), StandardCharsets.UTF_8))
                .contains("\"createdBy\":\"alice\"", "\"createdByToken\":\"ci-bot\"");
    }

    private RouterDriver start(SilenceLimits limits) {
        router = new RouterDriver(CONFIG, DefaultInhibition.ON, limits);
        return router;
    }

    private static UUID silenceId(int number) {
        return UUID.fromString("00000000-0000-4000-8000-%012d".formatted(number));
    }

    private static void createSilence(RouterDriver r, UUID id, String matchers) {
        SilenceRequest request = new SilenceRequest(Matchers.of(MatcherParser.parse(matchers).matchers()), T0,
                T0.plus(Duration.ofHours(1)), "alice", "deploying checkout");
        r.commands.pipeInput(id.toString(),
                new SilenceCommandCodec().encode(new SilenceCommand.Create(id, request)), r.now());
    }

    private static String header(TestRecord<String, byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    /** What a stage held back, summed over receivers: every receiver has its own count, from zero. */
    private static double suppressedBy(RouterDriver r, String stage) {
        return r.registry.get(MicrometerPipelineMetrics.SUPPRESSED).tag("stage", stage).counters().stream()
                .mapToDouble(Counter::count).sum();
    }
}
