package dev.slopipeline.testkafka;

import java.util.Locale;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one Kafka cluster of a test JVM, started when the first test class that needs it starts and stopped when the
 * whole run ends, whichever classes ran in between. A test class registers it as
 * {@code @RegisterExtension static final SharedKafka kafka = new SharedKafka();} and isolates itself by names:
 * topics, application ids and consumer groups from {@link #unique(String)}.
 *
 * <p>Starting a broker costs seconds; one per test class cost a module more than its tests. Tests that stop, kill
 * or reconfigure a broker keep a broker of their own instead.
 */
public final class SharedKafka implements BeforeAllCallback {

    private static final Logger LOG = LoggerFactory.getLogger(SharedKafka.class);
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SharedKafka.class);

    private volatile TestCluster cluster;

    /**
     * The cluster of the run that {@code context} belongs to, started on first use. JUnit closes it with the root
     * context's store, at the end of the run.
     */
    public static TestCluster cluster(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(TestCluster.class, key -> {
            ClusterMode mode = ClusterMode.chosen();
            TestCluster opened = mode.open();
            LOG.info("Tests share the Kafka of mode {}: {}", mode.name().toLowerCase(Locale.ROOT),
                    opened.describe());
            return opened;
        }, TestCluster.class);
    }

    /** A name no other test uses: {@code name} followed by this run's id and a counter. */
    public static String unique(String name) {
        return UniqueNames.of(name);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        cluster = cluster(context);
    }

    /** Where this class's clients connect. */
    public String bootstrapServers() {
        if (cluster == null) {
            throw new IllegalStateException("SharedKafka has no cluster yet: register it as a static field with"
                    + " @RegisterExtension, so that it joins before the class's first test");
        }
        return cluster.bootstrapServers();
    }
}
