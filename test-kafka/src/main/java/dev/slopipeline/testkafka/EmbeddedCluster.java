package dev.slopipeline.testkafka;

import dev.slopipeline.broker.EmbeddedKafkaBroker;

/** The default: one embedded KRaft broker in the test JVM, with its data in a temporary folder. */
final class EmbeddedCluster implements TestCluster {

    private final EmbeddedKafkaBroker broker;

    private EmbeddedCluster(EmbeddedKafkaBroker broker) {
        this.broker = broker;
    }

    static EmbeddedCluster start() {
        return new EmbeddedCluster(EmbeddedKafkaBroker.builder().start());
    }

    @Override
    public String bootstrapServers() {
        return broker.bootstrapServers();
    }

    @Override
    public String describe() {
        return "embedded broker on " + broker.bootstrapServers();
    }

    @Override
    public void close() {
        broker.close();
    }
}
