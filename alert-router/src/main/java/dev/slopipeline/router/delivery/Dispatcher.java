package dev.slopipeline.router.delivery;

import dev.slopipeline.router.notification.Notification;
import dev.slopipeline.router.secret.Redacted;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers notifications to their receivers, retrying with backoff and failing over to fallback receivers, without
 * ever dropping one silently: a notification leaves {@link #pending()} only when delivered, refused for good, or
 * superseded by a newer notification for the same receiver and group, and each of those is reported.
 *
 * <p>The dispatcher never waits by itself. {@link #deliverDue()} makes every attempt that is due now and returns;
 * whoever drives it decides when to call again ({@link DeliveryLoop} in production, the test itself in tests, using
 * {@link #nextDueAt()}). The retry state is plain data ({@link RetryState}) for the same reason: it can be persisted
 * and {@linkplain #resume resumed}.
 *
 * <p>Thread-safe; concurrent {@code deliverDue} calls never attempt the same notification twice at once.
 */
public final class Dispatcher {

    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);

    // Replaced together on a config reload; an attempt reads both once, so it never mixes two configs.
    private volatile Receivers receivers;
    private volatile RetryPlanner planner;
    private final RandomGenerator random;
    private final Clock clock;
    private final DeliveryListener listener;
    private final DeliveryMetrics metrics;

    private final Object lock = new Object();
    /** One slot per receiver and group: at most one notification of a group is on its way to a receiver at a time. */
    private final Map<Stream, Slot> slots = new LinkedHashMap<>();

    private Dispatcher(Builder builder) {
        this.receivers = builder.receivers;
        this.planner = new RetryPlanner(builder.receivers, builder.policy, builder.random);
        this.random = builder.random;
        this.clock = builder.clock;
        this.listener = builder.listener;
        this.metrics = new DeliveryMetrics(builder.registry, this::pendingCount);
    }

    public static Builder builder(Receivers receivers, MeterRegistry registry) {
        return new Builder(receivers, registry);
    }

    /**
     * Delivers to these receivers, with this retry policy, from the next attempt on (a reloaded config). Pending
     * notifications keep their retry state; one whose receiver is no longer among these keeps failing as any
     * attempt to an unknown receiver does, so callers pass a set that still holds every receiver in use.
     */
    public void reconfigure(Receivers newReceivers, RetryPolicy policy) {
        synchronized (lock) {
            this.receivers = Objects.requireNonNull(newReceivers, "receivers");
            this.planner = new RetryPlanner(newReceivers, Objects.requireNonNull(policy, "policy"), random);
        }
    }

    /**
     * Accepts a notification for delivery, due now. A notification whose idempotency key is already pending is
     * ignored, so replaying intents after a restart is harmless (once delivered, a repeat is sent again: receivers
     * drop it by its Idempotency-Key). A different notification pending for the same receiver and group is
     * superseded and reported as such.
     */
    public void submit(Notification notification) {
        accept(notification, RetryState.initial(notification.receiver(), clock.instant()));
    }

    /**
     * Takes back a pending delivery persisted by a previous run, keeping its attempts, receiver and next attempt
     * time. Like {@link #submit}, it replaces a different pending notification for the same receiver and group.
     */
    public void resume(PendingDelivery pending) {
        accept(pending.notification(), pending.state());
    }

    /**
     * Stops delivering a pending notification without reporting anything, because someone else now owns it (another
     * instance, after the Kafka partition it came from moved there). An attempt under way still finishes and is
     * reported, but no attempt follows it.
     *
     * @return whether the notification was pending
     */
    public boolean withdraw(String idempotencyKey) {
        synchronized (lock) {
            for (Iterator<Slot> it = slots.values().iterator(); it.hasNext(); ) {
                Slot slot = it.next();
                if (slot.successor != null && slot.successor.notification().idempotencyKey().equals(idempotencyKey)) {
                    slot.successor = null;
                    return true;
                }
                if (slot.notification.idempotencyKey().equals(idempotencyKey)) {
                    if (slot.inFlight) {
                        slot.withdrawn = true;
                    } else {
                        it.remove();
                    }
                    return true;
                }
            }
            return false;
        }
    }

    /** Makes every attempt that is due at the clock's current instant; returns how many it made. */
    public int deliverDue() {
        Instant now = clock.instant();
        List<Claim> claims = new ArrayList<>();
        synchronized (lock) {
            slots.forEach((stream, slot) -> {
                if (!slot.inFlight && !slot.state.nextAttemptAt().isAfter(now)) {
                    slot.inFlight = true;
                    claims.add(new Claim(stream, slot.notification, slot.state));
                }
            });
        }
        claims.forEach(this::attempt);
        return claims.size();
    }

    /** When the earliest waiting notification is due; empty when nothing waits (in-flight ones excluded). */
    public Optional<Instant> nextDueAt() {
        synchronized (lock) {
            return slots.values().stream()
                    .filter(slot -> !slot.inFlight)
                    .map(slot -> slot.state.nextAttemptAt())
                    .min(Instant::compareTo);
        }
    }

    /** Every notification not yet delivered, with its attempts, last error and next attempt time. */
    public List<PendingDelivery> pending() {
        synchronized (lock) {
            List<PendingDelivery> snapshot = new ArrayList<>();
            for (Slot slot : slots.values()) {
                snapshot.add(new PendingDelivery(slot.notification, slot.state));
                if (slot.successor != null) {
                    snapshot.add(slot.successor);
                }
            }
            return List.copyOf(snapshot);
        }
    }

    private int pendingCount() {
        synchronized (lock) {
            return slots.size() + (int) slots.values().stream().filter(slot -> slot.successor != null).count();
        }
    }

    private void accept(Notification notification, RetryState state) {
        if (receivers.get(state.receiver()).isEmpty()) {
            report(new DeliveryOutcome.FailedPermanently(notification.idempotencyKey(), notification.groupKey(),
                    state.receiver(), state.attempts(), clock.instant(),
                    "no receiver named " + state.receiver() + " (known: " + receivers.names() + ")"));
            return;
        }
        Stream stream = new Stream(notification.receiver(), notification.groupKey());
        DeliveryOutcome superseded = null;
        synchronized (lock) {
            Slot slot = slots.get(stream);
            if (slot == null) {
                slots.put(stream, new Slot(notification, state));
            } else if (slot.withdrawn && slot.notification.idempotencyKey().equals(notification.idempotencyKey())) {
                // Handed back while its last attempt is still under way: keep it rather than drop it after that.
                slot.withdrawn = false;
            } else if (slot.holds(notification.idempotencyKey())) {
                log.debug("notification {} is already pending; ignoring the repeat", notification.idempotencyKey());
            } else if (slot.inFlight) {
                // The attempt under way finishes first; the newer notification takes the slot right after it.
                if (slot.successor != null) {
                    superseded = supersede(slot.successor, notification);
                }
                slot.successor = new PendingDelivery(notification, state);
            } else {
                superseded = supersede(new PendingDelivery(slot.notification, slot.state), notification);
                slot.notification = notification;
                slot.state = state;
            }
        }
        if (superseded != null) {
            report(superseded);
        }
    }

    private void attempt(Claim claim) {
        Receiver receiver = receivers.get(claim.state.receiver()).orElseThrow();
        RetryPlanner planner = this.planner;
        long started = System.nanoTime();
        DeliveryResult result = send(receiver, claim.notification);
        Duration latency = Duration.ofNanos(System.nanoTime() - started);
        Instant now = clock.instant();
        Optional<RetryState> next = planner.next(claim.state, result, now);
        DeliveryOutcome outcome = outcome(claim, result, next, latency, now);

        List<DeliveryOutcome> reports = new ArrayList<>();
        reports.add(outcome);
        synchronized (lock) {
            Slot slot = slots.get(claim.stream);
            slot.inFlight = false;
            boolean continues = next.isPresent() && !slot.withdrawn;
            slot.withdrawn = false;
            if (slot.successor != null) {
                if (continues) {
                    reports.add(supersede(new PendingDelivery(claim.notification, next.get()),
                            slot.successor.notification()));
                }
                slot.notification = slot.successor.notification();
                slot.state = slot.successor.state();
                slot.successor = null;
            } else if (continues) {
                slot.state = next.get();
            } else {
                slots.remove(claim.stream);
            }
        }
        metrics.attempted(receiver.name(), outcome.outcome(), latency);
        reports.forEach(this::report);
    }

    private static DeliveryResult send(Receiver receiver, Notification notification) {
        try {
            return receiver.channel().send(notification, receiver.target());
        } catch (RuntimeException e) {
            // A channel bug must not lose the notification. Only the exception's type is kept: its message may
            // quote a URL, and URLs can hold credentials.
            return new DeliveryResult.TransientFailure("channel failed unexpectedly: " + e.getClass().getName());
        }
    }

    private static DeliveryOutcome outcome(Claim claim, DeliveryResult result, Optional<RetryState> next,
                                           Duration latency, Instant now) {
        Notification n = claim.notification;
        String receiver = claim.state.receiver();
        int attempts = claim.state.attempts() + 1;
        if (result instanceof DeliveryResult.Accepted) {
            return new DeliveryOutcome.Delivered(n.idempotencyKey(), n.groupKey(), receiver, attempts, now, latency);
        }
        String error = result instanceof DeliveryResult.PermanentFailure
                ? ((DeliveryResult.PermanentFailure) result).error()
                : ((DeliveryResult.TransientFailure) result).error();
        if (next.isEmpty()) {
            return new DeliveryOutcome.FailedPermanently(n.idempotencyKey(), n.groupKey(), receiver, attempts, now,
                    error);
        }
        return new DeliveryOutcome.Retrying(n.idempotencyKey(), n.groupKey(), receiver, attempts, now, latency,
                error, next.get());
    }

    private DeliveryOutcome supersede(PendingDelivery old, Notification newer) {
        return new DeliveryOutcome.Superseded(old.notification().idempotencyKey(), old.notification().groupKey(),
                old.state().receiver(), old.state().attempts(), clock.instant(), newer.idempotencyKey());
    }

    private void report(DeliveryOutcome outcome) {
        log(outcome);
        metrics.reported(outcome);
        try {
            listener.onOutcome(outcome);
        } catch (RuntimeException e) {
            log.error("delivery listener failed on {} outcome of {}", outcome.outcome(), outcome.idempotencyKey(), e);
        }
    }

    private void log(DeliveryOutcome outcome) {
        if (outcome instanceof DeliveryOutcome.Delivered) {
            log.info("delivered {} (group {}) via {} after {} attempt(s)", outcome.idempotencyKey(),
                    outcome.groupKey(), outcome.receiver(), outcome.attempts());
        } else if (outcome instanceof DeliveryOutcome.Retrying) {
            DeliveryOutcome.Retrying retrying = (DeliveryOutcome.Retrying) outcome;
            log.warn("attempt {} to deliver {} via {} ({}) failed: {}; next attempt via {} at {}", retrying.attempts(),
                    retrying.idempotencyKey(), retrying.receiver(), where(retrying.receiver()), retrying.error(),
                    retrying.next().receiver(), retrying.next().nextAttemptAt());
        } else if (outcome instanceof DeliveryOutcome.FailedPermanently) {
            log.error("gave up delivering {} (group {}) via {} ({}) after {} attempt(s): {}", outcome.idempotencyKey(),
                    outcome.groupKey(), outcome.receiver(), where(outcome.receiver()), outcome.attempts(),
                    ((DeliveryOutcome.FailedPermanently) outcome).error());
        } else {
            log.info("{} for {} was superseded by {} before delivery", outcome.idempotencyKey(), outcome.receiver(),
                    ((DeliveryOutcome.Superseded) outcome).supersededBy());
        }
    }

    /** The receiver's URL as a failure log may show it: scheme and host, the rest being possibly a credential. */
    private String where(String receiver) {
        return receivers.get(receiver).map(known -> Redacted.url(known.target().url())).orElse("not configured");
    }

    private record Stream(String receiver, String groupKey) {
    }

    private record Claim(Stream stream, Notification notification, RetryState state) {
    }

    /** Mutable, and only touched under {@link #lock}. */
    private static final class Slot {
        Notification notification;
        RetryState state;
        boolean inFlight;
        /** Withdrawn during its attempt: the slot is let go when the attempt ends. */
        boolean withdrawn;
        PendingDelivery successor;

        Slot(Notification notification, RetryState state) {
            this.notification = notification;
            this.state = state;
        }

        boolean holds(String idempotencyKey) {
            return notification.idempotencyKey().equals(idempotencyKey)
                    || successor != null && successor.notification().idempotencyKey().equals(idempotencyKey);
        }
    }

    public static final class Builder {
        private final Receivers receivers;
        private final MeterRegistry registry;
        private RetryPolicy policy = RetryPolicy.DEFAULT;
        private RandomGenerator random = RandomGenerator.getDefault();
        private Clock clock = Clock.systemUTC();
        private DeliveryListener listener = DeliveryListener.NONE;

        private Builder(Receivers receivers, MeterRegistry registry) {
            this.receivers = Objects.requireNonNull(receivers, "receivers");
            this.registry = Objects.requireNonNull(registry, "registry");
        }

        public Builder retryPolicy(RetryPolicy retryPolicy) {
            this.policy = Objects.requireNonNull(retryPolicy, "retryPolicy");
            return this;
        }

        /** The source of backoff jitter; tests pass a fixed one. */
        public Builder random(RandomGenerator randomGenerator) {
            this.random = Objects.requireNonNull(randomGenerator, "random");
            return this;
        }

        public Builder clock(Clock newClock) {
            this.clock = Objects.requireNonNull(newClock, "clock");
            return this;
        }

        public Builder listener(DeliveryListener newListener) {
            this.listener = Objects.requireNonNull(newListener, "listener");
            return this;
        }

        public Dispatcher build() {
            return new Dispatcher(this);
        }
    }
}
