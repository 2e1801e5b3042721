package dev.slopipeline.testkafka;

/**
 * The Kafka cluster the tests of one JVM share. Closing it stops what was started for the tests, and nothing that
 * was only borrowed (an external cluster).
 */
public interface TestCluster extends AutoCloseable {

    /** What clients put in {@code bootstrap.servers}. */
    String bootstrapServers();

    /** Which cluster this is, for the test log: the mode and where it runs. */
    String describe();

    @Override
    void close();
}
