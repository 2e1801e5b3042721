package dev.slopipeline.kit.http;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.http.HttpParser;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.AbstractConnector;
import org.eclipse.jetty.server.internal.HttpConnection;
import org.eclipse.jetty.util.thread.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closes connections whose request headers do not arrive within the limit of their first byte. Jetty's idle timeout
 * only fires after a silence, so a client sending one byte a second would otherwise keep a connection for as long as
 * its headers may be large; this looks at every connection a few times per limit and closes those that have been
 * part-way through their headers for longer.
 *
 * <p>A connection is seen part-way at most one sweep after its first byte, so it is closed between one limit and one
 * limit plus two sweeps after that byte, never earlier. Part-way is read from the connection's request parser, which
 * Jetty keeps in an internal class: nothing public tells headers under way from a connection at rest.
 */
final class HeaderDeadline implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(HeaderDeadline.class);
    private static final Duration LONGEST_SWEEP = Duration.ofSeconds(1);
    private static final Duration SHORTEST_SWEEP = Duration.ofMillis(50);

    private final AbstractConnector connector;
    private final Scheduler scheduler;
    private final long limitNanos;
    private final Duration sweep;
    private final Map<EndPoint, Long> partwaySince = new ConcurrentHashMap<>();
    private volatile Scheduler.Task next;
    private volatile boolean stopped;

    HeaderDeadline(AbstractConnector connector, Duration limit) {
        this.connector = connector;
        this.scheduler = connector.getScheduler();
        this.limitNanos = limit.toNanos();
        Duration quarter = limit.dividedBy(4);
        this.sweep = quarter.compareTo(LONGEST_SWEEP) > 0 ? LONGEST_SWEEP
                : quarter.compareTo(SHORTEST_SWEEP) < 0 ? SHORTEST_SWEEP : quarter;
    }

    void start() {
        schedule();
    }

    void stop() {
        stopped = true;
        Scheduler.Task task = next;
        if (task != null) {
            task.cancel();
        }
    }

    @Override
    public void run() {
        try {
            long now = System.nanoTime();
            partwaySince.keySet().retainAll(connector.getConnectedEndPoints());
            for (EndPoint endPoint : connector.getConnectedEndPoints()) {
                check(endPoint, now);
            }
        } catch (RuntimeException e) {
            LOG.warn("checking the connections for slow request headers failed", e);
        } finally {
            schedule();
        }
    }

    private void check(EndPoint endPoint, long now) {
        if (!(endPoint.getConnection() instanceof HttpConnection connection)) {
            return;
        }
        HttpParser parser = connection.getParser();
        // START: waiting for a request, which the idle timeout bounds; past the headers, the body has its own limit
        boolean partway = !parser.isStart() && parser.inHeaderState();
        if (!partway) {
            partwaySince.remove(endPoint);
            return;
        }
        long since = partwaySince.computeIfAbsent(endPoint, e -> now);
        if (now - since >= limitNanos) {
            partwaySince.remove(endPoint);
            LOG.debug("closing {}: its request headers did not arrive in time", endPoint.getRemoteSocketAddress());
            Disconnect.abruptly(endPoint, "the request headers did not arrive within " + Duration.ofNanos(limitNanos));
        }
    }

    private void schedule() {
        if (!stopped) {
            next = scheduler.schedule(this, sweep.toMillis(), TimeUnit.MILLISECONDS);
        }
    }
}
