package dev.slopipeline.kit.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.internals.KafkaFutureImpl;
import org.junit.jupiter.api.Test;

class KafkaFuturesTest {

    @Test
    void shouldReturnTheAnswerOfACompletedCall() {
        assertThat(KafkaFutures.await(KafkaFuture.completedFuture(3), Duration.ofSeconds(1), "count")).isEqualTo(3);
    }

    @Test
    void shouldSayWhatFailedAndKeepKafkasExceptionAsTheCause() {
        KafkaFutureImpl<Void> refused = new KafkaFutureImpl<>();
        refused.completeExceptionally(new TopicExistsException("Topic 'slo.alerts' already exists."));

        assertThatThrownBy(() -> KafkaFutures.await(refused, Duration.ofSeconds(1), "create topic slo.alerts"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Cannot create topic slo.alerts: Topic 'slo.alerts' already exists.")
                .hasCauseInstanceOf(TopicExistsException.class);
    }

    @Test
    void shouldSayWhatDidNotAnswerAndHowLongItWasWaitedFor() {
        assertThatThrownBy(() -> KafkaFutures.await(new KafkaFutureImpl<>(), Duration.ofMillis(50), "list the topics"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Could not list the topics within PT0.05S");
    }
}
