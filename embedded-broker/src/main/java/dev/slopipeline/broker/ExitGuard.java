package dev.slopipeline.broker;

import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import org.apache.kafka.common.utils.Exit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps Kafka from ending the host JVM while embedded brokers run.
 *
 * <p>Kafka's fault handlers call {@link Exit#exit} or {@link Exit#halt} when a broker or controller hits a
 * fatal error; in a standalone server that is the right reaction, in a test run or an application that
 * embeds the broker it would silently kill everything. {@code Exit} keeps one global procedure, so the
 * guard is installed when the first broker starts and Kafka's default is restored when the last one stops.
 */
final class ExitGuard {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);

    private static final Set<EmbeddedKafkaBroker> GUARDED = new CopyOnWriteArraySet<>();

    private ExitGuard() {
    }

    static synchronized void register(EmbeddedKafkaBroker broker) {
        if (GUARDED.isEmpty()) {
            Exit.setExitProcedure((status, message) -> refuse("exit", status, message));
            Exit.setHaltProcedure((status, message) -> refuse("halt", status, message));
        }
        GUARDED.add(broker);
    }

    static synchronized void unregister(EmbeddedKafkaBroker broker) {
        if (GUARDED.remove(broker) && GUARDED.isEmpty()) {
            Exit.resetExitProcedure();
            Exit.resetHaltProcedure();
        }
    }

    private static void refuse(String kind, int status, String message) {
        String request = "Kafka requested JVM " + kind + "(" + status + ")" + (message == null ? "" : ": " + message);
        IllegalStateException refusal = new IllegalStateException(
                request + " - refused by EmbeddedKafkaBroker; the embedded broker is probably unusable now");
        // Logged here because the exception surfaces on a Kafka-internal thread that may swallow it.
        LOG.error(refusal.getMessage(), refusal);
        // Exit is JVM-wide, so the request cannot be pinned on one broker; every running one records it.
        GUARDED.forEach(broker -> broker.recordFatalError(request));
        throw refusal;
    }
}
