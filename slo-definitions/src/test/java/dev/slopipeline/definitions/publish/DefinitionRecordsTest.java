package dev.slopipeline.definitions.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slopipeline.definitions.Definitions;
import dev.slopipeline.definitions.yaml.LoadResult;
import dev.slopipeline.kit.yaml.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DefinitionRecordsTest {

    private static final Path EXAMPLES = Path.of("examples");
    private static final Path OPENSLO_EXAMPLE = Path.of("src/test/resources/openslo/example");

    @ParameterizedTest
    @ValueSource(strings = {"examples", "src/test/resources/openslo/example"})
    void shouldLoadFromTheRecordsTheSameSetAsFromTheFiles(Path folder) {
        List<Path> paths = List.of(folder);

        DefinitionRecords records = DefinitionRecords.fromFiles(paths);

        assertThat(records.isRefused()).isFalse();
        LoadResult fromRecords = Definitions.loadTexts(records.valuesByKey());
        assertThat(fromRecords.errors()).isEmpty();
        assertThat(fromRecords.definitions()).isEqualTo(Definitions.load(paths).definitions());
    }

    @Test
    void shouldKeyOurDocumentsByKindAndNameAndOthersByTheirApiGroupToo() {
        assertThat(DefinitionRecords.fromFiles(List.of(EXAMPLES)).valuesByKey())
                .containsKeys("Service/checkout", "SLO/checkout-availability");
        DefinitionRecords openSlo = DefinitionRecords.fromFiles(List.of(OPENSLO_EXAMPLE));
        assertThat(openSlo.records()).extracting(DefinitionRecord::key).containsExactly(
                "openslo/SLI/checkout-requests", "openslo/SLO/cart-monthly", "openslo/SLO/checkout-availability",
                "openslo/Service/storefront");
    }

    @Test
    void shouldStartEachValueWithWhereItsDocumentWasWritten() {
        DefinitionRecords records = DefinitionRecords.fromFiles(List.of(OPENSLO_EXAMPLE));

        assertThat(records.valuesByKey().get("openslo/SLI/checkout-requests"))
                .startsWith("# from src/test/resources/openslo/example/slis.yaml:1\napiVersion: openslo/v1\nkind: SLI\n");
        assertThat(records.valuesByKey().get("openslo/SLO/checkout-availability"))
                .startsWith("# from src/test/resources/openslo/example/storefront.yaml:13\napiVersion: openslo/v1\nkind: SLO\n");
    }

    @Test
    void shouldRefuseASetWithErrorsAndSayWhy(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("broken.yaml"), """
                apiVersion: slo-pipeline/v1
                kind: SLO
                metadata: {name: checkout}
                spec: {service: nowhere}
                """);

        DefinitionRecords records = DefinitionRecords.fromFiles(List.of(file));

        assertThat(records.isRefused()).isTrue();
        assertThat(records.records()).isEmpty();
        assertThat(records.problems()).filteredOn(Problem::isError).isNotEmpty()
                .allSatisfy(problem -> assertThat(problem.toString()).startsWith(file.toString().replace('\\', '/') + ":"));
        assertThatThrownBy(() -> records.changesFrom(Map.of())).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void shouldRefuseADocumentThatCannotBeKeyedEvenWhenTheLoaderOnlyWarns(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("sources.yaml"), """
                apiVersion: openslo/v1
                kind: DataSource
                spec: {type: prometheus}
                """);

        DefinitionRecords records = DefinitionRecords.fromFiles(List.of(file));

        assertThat(records.isRefused()).isTrue();
        assertThat(records.problems()).filteredOn(Problem::isError).extracting(Problem::message)
                .containsExactly("a published document needs apiVersion, kind and metadata.name: they make its record key");
    }

    @Test
    void shouldRefuseFilesWhoseDocumentsLoadDifferentlyOnTheirOwn(@TempDir Path dir) throws IOException {
        // A %TAG directive belongs to the stream, not to the document text that goes into the record.
        Path file = Files.writeString(dir.resolve("tagged.yaml"), """
                %TAG !core! tag:yaml.org,2002:
                ---
                apiVersion: slo-pipeline/v1
                kind: Service
                metadata: {name: !core!str cart}
                spec: {owner: team-basket}
                """);

        DefinitionRecords records = DefinitionRecords.fromFiles(List.of(file));

        assertThat(Definitions.load(List.of(file)).hasErrors()).isFalse();
        assertThat(records.isRefused()).isTrue();
        assertThat(records.problems()).extracting(Problem::message).singleElement().asString()
                .startsWith("the documents cut out of these files do not load as the files do: Service/cart:");
    }
}
