package dev.slopipeline.cli;

import org.slf4j.LoggerFactory;

/** Logs one line as the app would, and one as a Kafka client would; for {@link LoggingConfigurationTest}. */
public final class LogOnce {

    private LogOnce() {
    }

    public static void main(String[] args) {
        LoggerFactory.getLogger("dev.slopipeline.streams.app.StreamsApp").info("Streams client {} -> {}", "REBALANCING", "RUNNING");
        LoggerFactory.getLogger("org.apache.kafka.clients.consumer.ConsumerConfig").info("ConsumerConfig values: a lot");
    }
}
