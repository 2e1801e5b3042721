package dev.slopipeline.router.topology;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slopipeline.definitions.model.Severity;
import dev.slopipeline.kit.result.Decoded;
import dev.slopipeline.router.BrokerFixture;
import dev.slopipeline.router.config.RouterConfig;
import dev.slopipeline.router.config.RouterConfigLoader;
import dev.slopipeline.router.notification.IntentCodec;
import dev.slopipeline.router.notification.Notification;
import dev.slopipeline.router.oncall.escalation.TimelineEntry;
import dev.slopipeline.router.oncall.incident.Incident;
import dev.slopipeline.router.oncall.incident.IncidentJson;
import dev.slopipeline.testkafka.SharedKafka;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.utils.Time;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * An incident escalating on a real broker, exactly once, across a stop: the router comes back after the level's delay
 * ran out (its clock is set three minutes ahead, as if it had been down that long), fires the overdue escalation at
 * once, and pages nobody twice.
 */
@Tag("integration")
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class IncidentRestartIntegrationTest {

    private static final String CONFIG = """
            route:
              receiver: pager
              group_by: [slo]
              group_wait: 0s
              group_interval: 1m
              repeat_interval: 1h
            receivers:
            - name: pager
            - name: oncall-email
              webhook_configs: [{url: 'http://hooks.example/email', send_resolved: true}]
            users:
              - {name: alice, time_zone: UTC, contacts: [{type: email, address: alice@example.com}]}
              - {name: bob, time_zone: UTC, contacts: [{type: email, address: bob@example.com}]}
            escalation_policies:
              - name: payments
                levels:
                  - {users: [alice], delay: 1m}
                  - {users: [bob]}
            paging:
              receivers: {pager: payments}
              contacts: {email: oncall-email}
            """;
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Duration DOWNTIME = Duration.ofMinutes(3);
    private static final String SLO = "checkout-availability";

    @RegisterExtension
    static final BrokerFixture broker = new BrokerFixture();

    @TempDir
    Path stateDir;

    @Test
    void shouldFireTheEscalationThatCameDueWhileDownAtOnceAndPageNobodyTwice() throws Exception {
        RouterTopics topics = RouterTopics.withSuffix(SharedKafka.unique(".it-incident-restart"));
        TopologyRun.createTopics(broker, topics, 1, 2);
        String applicationId = SharedKafka.unique("router-incident-restart");
        Instant startedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        List<String> pages = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> notifications = readCommitted(topics.notifications());
             KafkaConsumer<String, byte[]> incidents = readCommitted(topics.incidents())) {
            TopologyRun first = start(applicationId, topics, Duration.ZERO);
            broker.send(topics.alerts(), SloAlertSamples.firing(SLO, Severity.PAGE, Map.of(), startedAt));
            awaitPage(notifications, pages, "alice@example.com");
            first.stopAtOnce();

            TopologyRun second = start(applicationId, topics, DOWNTIME);
            try {
                awaitPage(notifications, pages, "bob@example.com");
                long end = System.nanoTime() + Duration.ofSeconds(3).toNanos();
                while (System.nanoTime() < end) {
                    pages.addAll(pages(notifications));
                }
                assertThat(pages).containsExactly("alice@example.com", "bob@example.com");

                Incident latest = null;
                long quiet = System.nanoTime() + Duration.ofSeconds(2).toNanos();
                while (System.nanoTime() < quiet) {
                    for (ConsumerRecord<String, byte[]> record : incidents.poll(Duration.ofMillis(200))) {
                        latest = IncidentJson.read(record.value());
                    }
                }
                assertThat(latest).isNotNull();
                assertThat(latest.level()).isEqualTo(2);
                assertThat(latest.timeline()).filteredOn(TimelineEntry.Escalated.class::isInstance).singleElement()
                        .satisfies(entry -> assertThat(entry.describe()).contains("router was down"));
            } finally {
                second.stopAtOnce();
            }
        }
    }

    /** Polls, collecting pages, until {@code address} was paged; fails at the deadline. */
    private static void awaitPage(KafkaConsumer<String, byte[]> consumer, List<String> pages, String address) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!pages.contains(address)) {
            assertThat(System.nanoTime()).as("waiting for a page to %s; pages so far %s", address, pages)
                    .isLessThan(deadline);
            pages.addAll(pages(consumer));
        }
    }

    /** The addresses paged in what arrives within a short poll. */
    private static List<String> pages(KafkaConsumer<String, byte[]> consumer) {
        List<String> addresses = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
            Decoded<Notification> decoded = new IntentCodec().decode(record.key(), record.value());
            Notification notification = ((Decoded.Ok<Notification>) decoded).value();
            if (notification.receiver().equals("oncall-email")) {
                addresses.add(notification.commonAnnotations().get("oncall_address"));
            }
        }
        return addresses;
    }

    private TopologyRun start(String applicationId, RouterTopics topics, Duration ahead) {
        RouterConfig config = RouterConfigLoader.parse("router.yml", CONFIG).orElseThrow();
        return TopologyRun.start(broker, applicationId, topics, config, stateDir, new AheadTime(ahead));
    }

    private static KafkaConsumer<String, byte[]> readCommitted(String topic) {
        return broker.readCommitted(topic, "incident-restart-reader-" + topic);
    }

    /** The system clock, a fixed time ahead: the wall clock of a router that was down that long. */
    private record AheadTime(Duration ahead) implements Time {

        @Override
        public long milliseconds() {
            return Time.SYSTEM.milliseconds() + ahead.toMillis();
        }

        @Override
        public long nanoseconds() {
            return Time.SYSTEM.nanoseconds();
        }

        @Override
        public void sleep(long ms) {
            Time.SYSTEM.sleep(ms);
        }

        @Override
        public void waitObject(Object lock, Supplier<Boolean> condition, long deadlineMs) throws InterruptedException {
            Time.SYSTEM.waitObject(lock, condition, deadlineMs - ahead.toMillis());
        }
    }
}
