package dev.slopipeline.testkafka;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.function.Supplier;

/**
 * Which cluster the tests run against. {@code KAFKA_BOOTSTRAP_SERVERS} in the environment wins (the tests borrow
 * that cluster and start none); otherwise the system property {@code kafka.tests}, or the environment's
 * {@code KAFKA_TESTS}, picks {@code embedded} (the default) or {@code testcontainers}.
 */
public enum ClusterMode {
    EMBEDDED,
    EXTERNAL,
    TESTCONTAINERS;

    public static final String BOOTSTRAP_VARIABLE = "KAFKA_BOOTSTRAP_SERVERS";
    public static final String MODE_PROPERTY = "kafka.tests";
    public static final String MODE_VARIABLE = "KAFKA_TESTS";

    /** The mode this JVM was asked for. */
    public static ClusterMode chosen() {
        return chosen(System.getenv(), System.getProperties());
    }

    static ClusterMode chosen(Map<String, String> environment, Properties systemProperties) {
        if (!environment.getOrDefault(BOOTSTRAP_VARIABLE, "").isBlank()) {
            return EXTERNAL;
        }
        String asked = systemProperties.getProperty(MODE_PROPERTY, environment.getOrDefault(MODE_VARIABLE, "")).strip();
        if (asked.isEmpty()) {
            return EMBEDDED;
        }
        return switch (asked.toLowerCase(Locale.ROOT)) {
            case "embedded" -> EMBEDDED;
            case "testcontainers" -> TESTCONTAINERS;
            case "external" -> throw new IllegalArgumentException(
                    MODE_PROPERTY + "=external needs the cluster's address in " + BOOTSTRAP_VARIABLE);
            default -> throw new IllegalArgumentException(MODE_PROPERTY + "=" + asked + " is not a test cluster mode;"
                    + " use one of " + Arrays.stream(values())
                            .map(mode -> mode.name().toLowerCase(Locale.ROOT)).toList());
        };
    }

    /** Starts (or, for an external cluster, finds) the cluster of this mode. */
    TestCluster open() {
        Supplier<TestCluster> opener = switch (this) {
            case EMBEDDED -> EmbeddedCluster::start;
            case EXTERNAL -> () -> new ExternalCluster(System.getenv(BOOTSTRAP_VARIABLE).strip());
            case TESTCONTAINERS -> ContainerCluster::start;
        };
        try {
            return opener.get();
        } catch (NoClassDefFoundError e) {
            // KAFKA_TESTS=testcontainers alone picks the mode but cannot activate the Maven profile with the library
            throw new IllegalStateException("Testcontainers is not on the test class path: ask Maven for it with"
                    + " -D" + MODE_PROPERTY + "=testcontainers, which adds it", e);
        }
    }
}
