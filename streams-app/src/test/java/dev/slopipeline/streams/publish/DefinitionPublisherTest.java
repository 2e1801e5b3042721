package dev.slopipeline.streams.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slopipeline.definitions.Definitions;
import dev.slopipeline.definitions.publish.DefinitionRecord;
import dev.slopipeline.definitions.publish.DefinitionRecords;
import dev.slopipeline.definitions.yaml.LoadResult;
import dev.slopipeline.testkafka.SharedKafka;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

@Tag("integration")
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class DefinitionPublisherTest {

    private static final Path EXAMPLES = Path.of("../slo-definitions/examples");

    @RegisterExtension
    static final SharedKafka kafka = new SharedKafka();

    @TempDir
    Path dir;

    private Map<String, Object> clients;
    private DefinitionsTopic topic;
    private DefinitionPublisher publisher;

    @BeforeEach
    void freshTopic() {
        clients = Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        topic = new DefinitionsTopic(clients, SharedKafka.unique("slo.definitions"), Duration.ofSeconds(20));
        publisher = new DefinitionPublisher(clients, topic, Optional.empty());
    }

    @Test
    void shouldPublishTheExamplesSoThatTheyLoadBackAsTheSameSet() throws Exception {
        DefinitionRecords records = DefinitionRecords.fromFiles(List.of(EXAMPLES));

        ApplyResult result = publisher.apply(records, ApplyOptions.DEFAULT);

        assertThat(result.changes().added()).hasSameSizeAs(records.records()).isNotEmpty();
        Map<String, String> onTopic = topic.readCurrent();
        assertThat(onTopic).isEqualTo(records.valuesByKey());
        LoadResult reloaded = Definitions.loadTexts(onTopic);
        assertThat(reloaded.errors()).isEmpty();
        assertThat(reloaded.definitions()).isEqualTo(Definitions.load(List.of(EXAMPLES)).definitions());
        assertCompactedWithOnePartition(topic.name());
    }

    @Test
    void shouldWriteOnlyWhatChangedOnASecondApply() throws IOException {
        Path services = copyExamples().resolve("services.yaml");
        publisher.apply(DefinitionRecords.fromFiles(List.of(dir)), ApplyOptions.DEFAULT);
        Files.writeString(services, Files.readString(services).replace("owner: team-basket", "owner: team-cart"));

        ApplyResult second = publisher.apply(DefinitionRecords.fromFiles(List.of(dir)), ApplyOptions.DEFAULT);

        assertThat(second.changes().changed()).containsExactly("Service/cart");
        assertThat(second.changes().added()).isEmpty();
        assertThat(second.written()).extracting(DefinitionRecord::key).containsExactly("Service/cart");
        assertThat(topic.readCurrent().get("Service/cart")).contains("owner: team-cart");
    }

    @Test
    void shouldKeepWhatIsNoLongerInTheFilesUnlessPruning() throws IOException {
        copyExamples();
        DefinitionRecords all = DefinitionRecords.fromFiles(List.of(dir));
        publisher.apply(all, ApplyOptions.DEFAULT);
        Files.delete(dir.resolve("search.yaml"));
        DefinitionRecords withoutSearch = DefinitionRecords.fromFiles(List.of(dir));
        Set<String> searchKeys = new HashSet<>(all.valuesByKey().keySet());
        searchKeys.removeAll(withoutSearch.valuesByKey().keySet());
        assertThat(searchKeys).isNotEmpty();

        ApplyResult kept = publisher.apply(withoutSearch, ApplyOptions.DEFAULT);
        assertThat(kept.changes().removed()).containsExactlyInAnyOrderElementsOf(searchKeys);
        assertThat(kept.written()).isEmpty();
        assertThat(topic.readCurrent()).containsKeys(searchKeys.toArray(String[]::new));

        ApplyResult pruned = publisher.apply(withoutSearch, new ApplyOptions(true, false));
        assertThat(pruned.written()).allMatch(DefinitionRecord::isTombstone)
                .extracting(DefinitionRecord::key).containsExactlyInAnyOrderElementsOf(searchKeys);
        assertThat(topic.readCurrent()).isEqualTo(withoutSearch.valuesByKey());
    }

    @Test
    void shouldWriteNothingOnADryRunNotEvenTheTopic() {
        ApplyResult result = publisher.apply(DefinitionRecords.fromFiles(List.of(EXAMPLES)), new ApplyOptions(true, true));

        assertThat(result.changes().added()).isNotEmpty();
        assertThat(result.written()).isEmpty();
        assertThat(topic.exists()).isFalse();
    }

    @Test
    void shouldRefuseASetWithErrorsAndWriteNothing() throws IOException {
        Path file = Files.writeString(dir.resolve("slo.yaml"), """
                apiVersion: slo-pipeline/v1
                kind: SLO
                metadata: {name: checkout}
                spec: {service: nowhere}
                """);
        DefinitionRecords records = DefinitionRecords.fromFiles(List.of(file));

        assertThatThrownBy(() -> publisher.apply(records, ApplyOptions.DEFAULT))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(records.problems().get(0).toString());
        assertThat(topic.exists()).isFalse();
    }

    private Path copyExamples() throws IOException {
        try (Stream<Path> files = Files.list(EXAMPLES)) {
            for (Path file : files.toList()) {
                Files.copy(file, dir.resolve(file.getFileName()));
            }
        }
        return dir;
    }

    private void assertCompactedWithOnePartition(String name) throws Exception {
        try (Admin admin = Admin.create(clients)) {
            TopicDescription description = admin.describeTopics(Set.of(name)).allTopicNames().get().get(name);
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, name);
            Config config = admin.describeConfigs(Set.of(resource)).all().get().get(resource);
            assertThat(description.partitions()).hasSize(1);
            assertThat(config.get(TopicConfig.CLEANUP_POLICY_CONFIG).value()).isEqualTo(TopicConfig.CLEANUP_POLICY_COMPACT);
        }
    }
}
