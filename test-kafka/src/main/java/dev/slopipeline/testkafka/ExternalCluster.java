package dev.slopipeline.testkafka;

/** A cluster someone else runs, named by {@code KAFKA_BOOTSTRAP_SERVERS}; the tests only borrow it. */
record ExternalCluster(String bootstrapServers) implements TestCluster {

    @Override
    public String describe() {
        return "external cluster at " + bootstrapServers;
    }

    @Override
    public void close() {
        // not ours to stop
    }
}
