package dev.slopipeline.broker;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.apache.kafka.common.security.auth.SecurityProtocol;
import org.junit.jupiter.api.Test;

/** Mistakes the builder catches before any broker runs. */
class EmbeddedKafkaBrokerBuilderTest {

    @Test
    void builderRefusesReconfigurationOnceItHasBuiltABroker() {
        EmbeddedKafkaBroker.Builder builder = EmbeddedKafkaBroker.builder().port(0);
        builder.build();

        assertThatThrownBy(() -> builder.brokerConfig("num.network.threads", "2"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("already built a broker");
        assertThatThrownBy(() -> builder.port(9092)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(builder::build).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void settingsTheBuilderDerivesCannotBeOverriddenThroughBrokerConfig() {
        EmbeddedKafkaBroker.Builder builder = EmbeddedKafkaBroker.builder();

        assertThatThrownBy(() -> builder.brokerConfig("log.dirs", "/tmp/elsewhere"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("dataDirectory(Path)");
        assertThatThrownBy(() -> builder.brokerConfig("listeners", "PLAINTEXT://:9092"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("listener(name, protocol, port)");
    }

    @Test
    void invalidPortsAndDuplicateListenersAreRejected() {
        EmbeddedKafkaBroker.Builder builder = EmbeddedKafkaBroker.builder();

        assertThatThrownBy(() -> builder.port(70_000)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder.listener("plaintext", SecurityProtocol.SSL, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("PLAINTEXT already exists");
    }

    @Test
    void brokerThatWasNeverStartedHasNoAddressYet() {
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.builder().dataDirectory(Path.of("unused")).build();

        assertThatThrownBy(broker::bootstrapServers)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not running (new)");
        assertThatThrownBy(() -> EmbeddedKafkaBroker.builder().build().dataDirectory())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("created by start()");
    }
}
