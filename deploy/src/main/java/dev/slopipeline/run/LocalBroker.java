package dev.slopipeline.run;

import dev.slopipeline.broker.EmbeddedKafkaBroker;
import java.util.Optional;

/**
 * The embedded broker of {@code slo run} when no cluster is configured. The only class of {@code slo} that names
 * the broker's: the container image leaves the broker and Kafka's server out, and {@link Pipeline} must still load
 * and run on a cluster there, so it asks {@link #isInstalled()} before it touches this class.
 */
final class LocalBroker implements AutoCloseable {

    /** By name, so that asking does not load it. */
    private static final String BROKER_CLASS = "dev.slopipeline.broker.EmbeddedKafkaBroker";

    private final EmbeddedKafkaBroker broker;

    private LocalBroker(EmbeddedKafkaBroker broker) {
        this.broker = broker;
    }

    /** Whether this installation has the embedded broker; a build for containers has not. */
    static boolean isInstalled() {
        try {
            Class.forName(BROKER_CLASS, false, Pipeline.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    static LocalBroker start(RunSettings settings) {
        return new LocalBroker(EmbeddedKafkaBroker.builder()
                .dataDirectory(settings.dataDir().resolve("kafka"))
                .port(settings.brokerPort())
                .controllerPort(settings.brokerControllerPort())
                .numPartitions(settings.streams().partitions())
                .start());
    }

    String bootstrapServers() {
        return broker.bootstrapServers();
    }

    Optional<String> fatalError() {
        return broker.fatalError();
    }

    @Override
    public void close() {
        broker.close();
    }
}
