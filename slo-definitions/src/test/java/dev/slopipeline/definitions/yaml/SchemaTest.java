package dev.slopipeline.definitions.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion.VersionFlag;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The JSON Schema editors use: it accepts the examples and refuses what the loader refuses (where a schema can tell). */
class SchemaTest {

    private static final String SCHEMA_RESOURCE = "/schema/slo-pipeline-v1.schema.json";
    private static final String SCHEMA_LINE = "# yaml-language-server: $schema=../src/main/resources/schema/slo-pipeline-v1.schema.json";
    private static final YAMLMapper YAML = new YAMLMapper();
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(VersionFlag.V202012);

    private static JsonNode schemaNode;
    private static JsonSchema schema;

    @BeforeAll
    static void loadSchema() throws IOException {
        try (InputStream in = SchemaTest.class.getResourceAsStream(SCHEMA_RESOURCE)) {
            schemaNode = new ObjectMapper().readTree(in);
        }
        schema = FACTORY.getSchema(schemaNode);
    }

    @Test
    void shouldItselfBeAValidDraft202012Schema() {
        JsonSchema metaSchema = FACTORY.getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));

        assertThat(metaSchema.validate(schemaNode)).isEmpty();
    }

    static Stream<Arguments> exampleDocuments() throws IOException {
        List<Arguments> documents = new ArrayList<>();
        try (Stream<Path> files = Files.list(ExamplesTest.EXAMPLES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                List<JsonNode> nodes = YAML.readerFor(JsonNode.class).<JsonNode>readValues(file.toFile()).readAll();
                for (int i = 0; i < nodes.size(); i++) {
                    documents.add(Arguments.of(file.getFileName().toString(), i + 1, nodes.get(i)));
                }
            }
        }
        return documents.stream();
    }

    @ParameterizedTest(name = "{0} document {1}")
    @MethodSource("exampleDocuments")
    void shouldAcceptEveryExampleDocument(String file, int index, JsonNode document) {
        assertThat(schema.validate(document)).isEmpty();
    }

    @Test
    void shouldBeNamedAtTheTopOfEveryExampleFile() throws IOException {
        try (Stream<Path> files = Files.list(ExamplesTest.EXAMPLES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
                assertThat(Files.readAllLines(file).get(0)).as(file.toString()).isEqualTo(SCHEMA_LINE);
            }
        }
    }

    static Stream<Arguments> brokenDocuments() {
        String slo = ValidSlo.TEXT;
        return Stream.of(
                Arguments.of("unknown kind", "$.kind", Fixtures.CATALOG.replace("kind: Service", "kind: Servise")),
                Arguments.of("missing owner", "$.spec", Fixtures.CATALOG.replace("owner: team-shop, ", "")),
                Arguments.of("tier 5", "$.spec.tier", Fixtures.CATALOG.replace("tier: 1", "tier: 5")),
                Arguments.of("runbook that is not a URL", "$.spec.runbook", Fixtures.CATALOG.replace("tier: 1", "runbook: wiki/shop")),
                Arguments.of("invalid name", "$.metadata.name", slo.replace("name: checkout-availability", "name: Checkout")),
                Arguments.of("misspelt field", "$.spec", slo.replace("objective:", "objectve:")),
                Arguments.of("objective of 100", "$.spec.objective", slo.replace("objective: 99.9", "objective: 100")),
                Arguments.of("ambiguous duration", "$.spec.window", slo.replace("window: 30d", "window: 30M")),
                Arguments.of("calendar year", "$.spec.window.calendar", slo.replace("window: 30d", "window: {calendar: year}")),
                Arguments.of("two status rules", "$.spec.indicator.good.status", slo.replace("{below: 500}", "{below: 500, in: [200]}")),
                Arguments.of("status code 700", "$.spec.indicator.good.status.below", slo.replace("{below: 500}", "{below: 700}")),
                Arguments.of("requests without good", "$.spec.indicator", slo.replace("    good: {status: {below: 500}}\n", "")),
                Arguments.of("health with good", "$.spec.indicator.good", slo.replace("  indicator:\n", "  indicator:\n    source: health\n")),
                Arguments.of("check with requests", "$.spec.indicator.match[0].check", slo.replace("{service: checkout-api}", "{service: checkout-api, check: x}")),
                Arguments.of("timeslices without target", "$.spec.budgeting", slo.replace("window: 30d", "window: 30d\n  budgeting: {method: timeslices}")),
                Arguments.of("new pair missing budgetPercent", "$.spec.alerting.pairs.weekly-review", slo.replace("window: 30d", """
                        window: 30d
                          alerting:
                            pairs:
                              weekly-review: {severity: notify, longWindow: 7d, shortWindow: 1d}""")),
                Arguments.of("unknown severity", "$.spec.alerting.pairs.page-fast.severity", slo.replace("window: 30d", """
                        window: 30d
                          alerting: {pairs: {page-fast: {severity: pager}}}""")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenDocuments")
    void shouldRefuseBrokenDocuments(String mistake, String where, String text) throws IOException {
        Set<ValidationMessage> messages = schema.validate(YAML.readTree(text));

        assertThat(messages).extracting(m -> m.getInstanceLocation().toString()).contains(where);
        // an SLO needs its service beside it; a service alone must not be reported as a duplicate of the catalog's
        List<String> loaderProblems = text.contains("kind: SLO") ? Fixtures.problemsBesideCatalog(text) : Fixtures.problemsAlone(text);
        assertThat(loaderProblems).as("the loader refuses it too").isNotEmpty();
    }
}
