package dev.slopipeline.testkafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;

/**
 * Runs two test classes as one run of their own (the nested classes below, which the build's own run leaves out as
 * it leaves out every nested class) and looks at the cluster they were given.
 */
@Tag("integration")
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class SharedKafkaTest {

    private static final List<String> SEEN = new CopyOnWriteArrayList<>();

    @Test
    void shouldGiveEveryClassOfARunTheSameBrokerAndStopItWhenTheRunEnds() throws Exception {
        Assumptions.assumeTrue(ClusterMode.chosen() == ClusterMode.EMBEDDED, "only the embedded mode starts a broker");
        SEEN.clear();

        SummaryGeneratingListener summary = new SummaryGeneratingListener();
        LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClass(FirstClass.class), selectClass(SecondClass.class)).build(), summary);

        assertThat(summary.getSummary().getFailures()).isEmpty();
        assertThat(summary.getSummary().getTestsSucceededCount()).isEqualTo(2);
        assertThat(SEEN).hasSize(2).containsOnly(SEEN.get(0));
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, SEEN.get(0)))) {
            assertThatThrownBy(() -> admin.describeCluster(new DescribeClusterOptions().timeoutMs(2_000)).nodes()
                    .get(10, TimeUnit.SECONDS))
                    .as("the broker is stopped once the run is over")
                    .isInstanceOf(ExecutionException.class);
        }
    }

    @Test
    void shouldNameThingsSoThatNoTwoTestsShareOne() {
        assertThat(SharedKafka.unique("slo.alerts")).startsWith("slo.alerts-")
                .isNotEqualTo(SharedKafka.unique("slo.alerts"));
    }

    static class FirstClass {

        @RegisterExtension
        static final SharedKafka kafka = new SharedKafka();

        @Test
        void usesTheBroker() throws Exception {
            SEEN.add(kafka.bootstrapServers());
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
                admin.createTopics(List.of(new NewTopic(SharedKafka.unique("first"), 1, (short) 1))).all()
                        .get(30, TimeUnit.SECONDS);
            }
        }
    }

    static class SecondClass {

        @RegisterExtension
        static final SharedKafka kafka = new SharedKafka();

        @Test
        void usesTheBroker() {
            SEEN.add(kafka.bootstrapServers());
        }
    }
}
