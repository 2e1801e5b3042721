package dev.slopipeline.testkafka;

import dev.slopipeline.broker.EmbeddedKafkaBroker;

/** The default: one embedded KRaft broker in the test JVM, with its data in a temporary folder. */
final class EmbeddedCluster implements TestCluster {

    private final EmbeddedKafkaBroker broker;

    private EmbeddedCluster(EmbeddedKafkaBroker broker) {
        this.broker = broker;
    }

    /**
     * The broker's session with its own controller is made long: the embedded broker's 3 s, there for quick restarts
     * after a kill, fenced this broker, which is never restarted, when a busy machine stalled the test JVM longer,
     * and the topics a test created meanwhile were refused.
     */
    static EmbeddedCluster start() {
        return new EmbeddedCluster(EmbeddedKafkaBroker.builder()
                .brokerConfig("broker.session.timeout.ms", "30000")
                .start());
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
