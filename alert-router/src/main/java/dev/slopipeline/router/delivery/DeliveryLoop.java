package dev.slopipeline.router.delivery;

import dev.slopipeline.router.notification.Notification;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drives a {@link Dispatcher} in production: one thread that delivers what is due, then sleeps until the next
 * attempt is due or a new notification arrives. Closing it interrupts an attempt under way; that attempt counts as a
 * transient failure, so its notification stays pending.
 */
public final class DeliveryLoop implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DeliveryLoop.class);

    private final Dispatcher dispatcher;
    private final Clock clock;
    private final ScheduledExecutorService executor;
    /** Only touched on the loop's own thread. */
    private ScheduledFuture<?> timer;

    /** @param clock the dispatcher's clock, to turn its next due instant into a delay */
    public DeliveryLoop(Dispatcher dispatcher, Clock clock) {
        this.dispatcher = Objects.requireNonNull(dispatcher, "dispatcher");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.executor = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "delivery-loop");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Starts delivering whatever is pending already (resumed deliveries, for instance). */
    public void start() {
        executor.execute(this::run);
    }

    /** Hands a notification to the dispatcher and wakes the loop so it goes out now. */
    public void submit(Notification notification) {
        dispatcher.submit(notification);
        executor.execute(this::run);
    }

    /** Hands back a delivery persisted by a previous run and wakes the loop; it goes out when it is due. */
    public void resume(PendingDelivery pending) {
        dispatcher.resume(pending);
        executor.execute(this::run);
    }

    private void run() {
        try {
            dispatcher.deliverDue();
        } catch (RuntimeException e) {
            log.error("delivery round failed; pending notifications stay pending", e);
        }
        if (timer != null) {
            timer.cancel(false);
        }
        timer = dispatcher.nextDueAt()
                .map(at -> executor.schedule(this::run, delayUntil(at).toNanos(), TimeUnit.NANOSECONDS))
                .orElse(null);
    }

    private Duration delayUntil(Instant at) {
        Duration delay = Duration.between(clock.instant(), at);
        return delay.isNegative() ? Duration.ZERO : delay;
    }

    @Override
    public void close() throws InterruptedException {
        executor.shutdownNow();
        if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
            log.warn("delivery loop did not stop within 10 s");
        }
    }
}
