package dev.slopipeline.testkafka;

import org.apache.kafka.common.utils.AppInfoParser;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * Apache Kafka's own image in a container, started by Testcontainers. This class is the only one that names
 * Testcontainers: the JVM loads it, and so the library, only when this mode is asked for.
 */
final class ContainerCluster implements TestCluster {

    /** Overrides the image, e.g. {@code -Dkafka.tests.image=apache/kafka-native:4.1.0}. */
    static final String IMAGE_PROPERTY = "kafka.tests.image";

    private final KafkaContainer container;

    private ContainerCluster(KafkaContainer container) {
        this.container = container;
    }

    static ContainerCluster start() {
        if (!DockerClientFactory.instance().isDockerAvailable()) {
            throw new IllegalStateException("kafka.tests=testcontainers needs a Docker engine, and Testcontainers"
                    + " found none; run without it to use the embedded broker");
        }
        KafkaContainer container = new KafkaContainer(DockerImageName.parse(image()));
        container.start();
        return new ContainerCluster(container);
    }

    /** The image of the Kafka release the clients are, so that the tests see the broker they would in production. */
    private static String image() {
        String configured = System.getProperty(IMAGE_PROPERTY, "").strip();
        return configured.isEmpty() ? "apache/kafka:" + AppInfoParser.getVersion() : configured;
    }

    @Override
    public String bootstrapServers() {
        return container.getBootstrapServers();
    }

    @Override
    public String describe() {
        return "Testcontainers " + container.getDockerImageName() + " on " + container.getBootstrapServers();
    }

    @Override
    public void close() {
        container.stop();
    }
}
