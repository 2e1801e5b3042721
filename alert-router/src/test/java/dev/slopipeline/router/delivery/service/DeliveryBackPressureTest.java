package dev.slopipeline.router.delivery.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slopipeline.router.BrokerFixture;
import dev.slopipeline.router.delivery.DeliveryOutcome;
import dev.slopipeline.router.delivery.LocalReceiver;
import dev.slopipeline.router.delivery.Samples;
import dev.slopipeline.router.notification.Notification;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A receiver down for long: reading intents pauses at the bound, nothing is dropped, and it all goes out later. */
@Tag("integration")
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class DeliveryBackPressureTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final int BOUND = 3;
    private static final int INTENTS = 8;

    @RegisterExtension
    static final BrokerFixture broker = new BrokerFixture();

    @Test
    void shouldPauseReadingAtTheBoundAndDeliverEverythingOnceTheReceiverIsBack() throws Exception {
        CountDownLatch receiverBack = new CountDownLatch(1);
        try (LocalReceiver receiver = LocalReceiver.answering(
                LocalReceiver.Reply.after(receiverBack, LocalReceiver.Reply.status(200)))) {
            DispatchFixture kafka = new DispatchFixture(broker);
            try (DeliveryService service = kafka.service(DeliveryServiceTest.config(receiver, null))
                    .settings(kafka.settings(BOUND, DeliverySettings.DEFAULT_COMMIT_INTERVAL))
                    .start()) {
                for (int i = 0; i < INTENTS; i++) {
                    kafka.send(inItsOwnGroup("page-" + i));
                }

                await("reading paused at the bound", service::consumptionPaused);
                assertThat(service.unfinishedIntents()).isEqualTo(BOUND);
                assertThat(kafka.committedOffset()).as("nothing committed while the receiver is down").isLessThan(1);

                receiverBack.countDown();
                kafka.outcomesUntil(read -> delivered(read).size() == INTENTS);
                await("every intent committed", () -> kafka.committedOffset() == INTENTS);
                assertThat(service.consumptionPaused()).isFalse();
                assertThat(service.unfinishedIntents()).isZero();
            }
            Set<String> keys = receiver.requests().stream().map(request -> request.header("Idempotency-Key"))
                    .collect(Collectors.toSet());
            assertThat(keys).containsExactlyInAnyOrderElementsOf(
                    IntStream.range(0, INTENTS).mapToObj(i -> "page-" + i + "#0").toList());
        }
    }

    private static Notification inItsOwnGroup(String key) {
        Notification sample = Samples.firing(key);
        return new Notification(key, sample.receiver(), "{}:{slo=\"" + key + "\"}", sample.alerts(),
                sample.groupLabels(), sample.commonLabels(), sample.commonAnnotations(), sample.externalUrl(),
                sample.ackUrl(), sample.acknowledgement());
    }

    private static Set<String> delivered(java.util.List<DeliveryOutcome> outcomes) {
        return outcomes.stream().filter(DeliveryOutcome.Delivered.class::isInstance)
                .map(DeliveryOutcome::idempotencyKey).collect(Collectors.toSet());
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waiting for %s", what).isLessThan(deadline);
            TimeUnit.MILLISECONDS.sleep(50);
        }
    }
}
