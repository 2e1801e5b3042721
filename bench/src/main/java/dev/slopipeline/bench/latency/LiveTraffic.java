package dev.slopipeline.bench.latency;

import dev.slopipeline.bench.SyntheticShop;
import dev.slopipeline.bench.kafka.EventProducer;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Steady traffic in real time, round robin over the SLOs, to the event topic and to the counter
 * exporter at once. An SLO in outage gets only server errors; the produce time of the event after
 * which its page pairs first hold (by {@link PagePairs}) is kept as that incident's start.
 */
final class LiveTraffic implements AutoCloseable {

    private static final long TICK_NANOS = 10_000_000;

    private final SyntheticShop shop;
    private final EventProducer producer;
    private final CounterExporter exporter;
    private final int eventsPerSecond;
    private final PagePairs[] truth;
    private final boolean[] outage;
    /** nanoTime at which the event that made the page pairs hold was handed to the producer; 0 until then */
    private final AtomicLongArray crossed;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread thread;
    private long sent;

    LiveTraffic(SyntheticShop shop, EventProducer producer, CounterExporter exporter, int eventsPerSecond) {
        this.shop = shop;
        this.producer = producer;
        this.exporter = exporter;
        this.eventsPerSecond = eventsPerSecond;
        this.truth = new PagePairs[shop.sloCount()];
        for (int i = 0; i < truth.length; i++) {
            truth[i] = new PagePairs();
        }
        this.outage = new boolean[shop.sloCount()];
        this.crossed = new AtomicLongArray(shop.sloCount());
        this.thread = new Thread(this::run, "bench-live-traffic");
        thread.setDaemon(true);
        thread.start();
    }

    synchronized void startOutage(int slo) {
        outage[slo] = true;
    }

    synchronized void endOutage(int slo) {
        outage[slo] = false;
    }

    /** When the event that made {@code slo}'s page pairs hold was produced (nanoTime), or 0. */
    long crossed(int slo) {
        return crossed.get(slo);
    }

    synchronized long sent() {
        return sent;
    }

    private void run() {
        long next = System.nanoTime();
        double perTick = eventsPerSecond * (TICK_NANOS / 1e9);
        double owed = 0;
        int slo = 0;
        while (running.get()) {
            owed += perTick;
            synchronized (this) {
                while (owed >= 1) {
                    owed--;
                    send(slo);
                    slo = (slo + 1) % outage.length;
                }
            }
            next += TICK_NANOS;
            long wait = next - System.nanoTime();
            if (wait > 0) {
                java.util.concurrent.locks.LockSupport.parkNanos(wait);
            }
        }
    }

    private void send(int slo) {
        boolean bad = outage[slo];
        Instant now = Instant.now();
        long minute = now.getEpochSecond() / 60;
        long producedAt = System.nanoTime();
        producer.send(shop.event(slo, now, bad ? 503 : 200, 1));
        exporter.count(slo, bad);
        truth[slo].count(minute, bad);
        sent++;
        if (bad && crossed.get(slo) == 0 && truth[slo].pageHolds(minute)) {
            crossed.set(slo, producedAt);
        }
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        thread.join(5000);
        producer.flush();
    }
}
