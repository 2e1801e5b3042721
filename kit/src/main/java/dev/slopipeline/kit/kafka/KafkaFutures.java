package dev.slopipeline.kit.kafka;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.common.KafkaFuture;

/** Waits for an admin call with our own deadline, turning Kafka's failures into messages a user can act on. */
public final class KafkaFutures {

    private KafkaFutures() {
    }

    /**
     * @param doing what the call does, for the message: {@code "list the topics"}
     * @throws IllegalStateException saying what could not be done and why; its cause is Kafka's own exception (a
     *                               {@code TopicExistsException}, say), so a caller can tell the failures apart
     */
    public static <T> T await(KafkaFuture<T> future, Duration timeout, String doing) {
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Cannot " + doing + ": " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("Could not " + doing + " within " + timeout, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while trying to " + doing, e);
        }
    }
}
