package dev.slopipeline.testkafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ClusterModeTest {

    @ParameterizedTest(name = "KAFKA_BOOTSTRAP_SERVERS={0}, KAFKA_TESTS={1}, -Dkafka.tests={2} -> {3}")
    @CsvSource(nullValues = "-", value = {
            "-,               -,              -,              EMBEDDED",
            "-,               -,              embedded,       EMBEDDED",
            "-,               -,              testcontainers, TESTCONTAINERS",
            "-,               testcontainers, -,              TESTCONTAINERS",
            "-,               testcontainers, embedded,       EMBEDDED",
            "-,               -,              ' Testcontainers ', TESTCONTAINERS",
            "localhost:9092,  -,              -,              EXTERNAL",
            "localhost:9092,  -,              testcontainers, EXTERNAL",
            "'  ',            -,              -,              EMBEDDED",
    })
    void shouldPickTheClusterFromTheEnvironmentAndTheSystemProperty(String bootstrap, String variable, String property,
            ClusterMode expected) {
        assertThat(ClusterMode.chosen(environment(bootstrap, variable), properties(property))).isEqualTo(expected);
    }

    @Test
    void shouldRefuseAModeItDoesNotKnowAndListTheKnownOnes() {
        assertThatThrownBy(() -> ClusterMode.chosen(Map.of(), properties("docker")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("kafka.tests=docker is not a test cluster mode; use one of [embedded, external, testcontainers]");
    }

    @Test
    void shouldAskForTheAddressWhenTheExternalModeIsNamedWithoutIt() {
        assertThatThrownBy(() -> ClusterMode.chosen(Map.of(), properties("external")))
                .hasMessage("kafka.tests=external needs the cluster's address in KAFKA_BOOTSTRAP_SERVERS");
    }

    private static Map<String, String> environment(String bootstrap, String variable) {
        Map<String, String> environment = new HashMap<>();
        if (bootstrap != null) {
            environment.put("KAFKA_BOOTSTRAP_SERVERS", bootstrap);
        }
        if (variable != null) {
            environment.put("KAFKA_TESTS", variable);
        }
        return environment;
    }

    private static Properties properties(String mode) {
        Properties properties = new Properties();
        if (mode != null) {
            properties.setProperty("kafka.tests", mode);
        }
        return properties;
    }
}
