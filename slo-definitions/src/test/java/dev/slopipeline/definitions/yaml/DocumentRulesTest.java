package dev.slopipeline.definitions.yaml;

import static dev.slopipeline.definitions.yaml.Fixtures.problemsAlone;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The envelope every document shares: apiVersion, kind, metadata and spec. */
class DocumentRulesTest {

    static Stream<Arguments> rules() {
        return Stream.of(
                Arguments.of("YAML syntax error", """
                        apiVersion: slo-pipeline/v1
                        kind: [Service
                        """,
                        "file.yaml:3:1: YAML syntax: expected ',' or ']', but got <stream end> (while parsing a flow sequence)"),
                Arguments.of("a document that is not a map", """
                        - apiVersion: slo-pipeline/v1
                        """,
                        "file.yaml:1:1: a document must be a map with apiVersion, kind, metadata and spec, got a list"),
                Arguments.of("missing apiVersion", """
                        kind: Service
                        metadata: {name: storefront}
                        spec: {owner: team-shop}
                        """,
                        "file.yaml:1:1: the document is missing the required field \"apiVersion\"; write apiVersion: slo-pipeline/v1"),
                Arguments.of("unknown apiVersion", """
                        apiVersion: slo-pipeline/v2
                        kind: Service
                        metadata: {name: storefront}
                        spec: {owner: team-shop}
                        """,
                        "file.yaml:1:13: unknown apiVersion \"slo-pipeline/v2\"; accepted: slo-pipeline/v1"),
                Arguments.of("OpenSLO without a translator", """
                        apiVersion: openslo/v1
                        kind: SLO
                        metadata: {name: checkout-availability}
                        spec: {service: storefront}
                        """,
                        "file.yaml:1:13: apiVersion \"openslo/v1\" is not supported here: no OpenSLO translator is registered; "
                                + "accepted: slo-pipeline/v1"),
                Arguments.of("missing kind", """
                        apiVersion: slo-pipeline/v1
                        metadata: {name: storefront}
                        spec: {owner: team-shop}
                        """,
                        "file.yaml:1:1: the document is missing the required field \"kind\"; use Service or SLO"),
                Arguments.of("misspelt kind", """
                        apiVersion: slo-pipeline/v1
                        kind: Servise
                        metadata: {name: storefront}
                        spec: {owner: team-shop}
                        """,
                        "file.yaml:2:7: unknown kind \"Servise\"; did you mean \"Service\"?"),
                Arguments.of("unknown kind", """
                        apiVersion: slo-pipeline/v1
                        kind: AlertPolicy
                        metadata: {name: storefront}
                        spec: {owner: team-shop}
                        """,
                        "file.yaml:2:7: unknown kind \"AlertPolicy\"; use Service or SLO"),
                Arguments.of("missing metadata", """
                        apiVersion: slo-pipeline/v1
                        kind: Service
                        spec: {owner: team-shop}
                        """,
                        "file.yaml:1:1: the document is missing the required field \"metadata\"; e.g. metadata: {name: checkout}"),
                Arguments.of("missing name", """
                        apiVersion: slo-pipeline/v1
                        kind: Service
                        metadata: {labels: {domain: shop}}
                        spec: {owner: team-shop}
                        """,
                        "file.yaml:3:11: metadata is missing the required field \"name\"; e.g. name: checkout"),
                Arguments.of("name that is not a string", """
                        apiVersion: slo-pipeline/v1
                        kind: Service
                        metadata: {name: 42}
                        spec: {owner: team-shop}
                        """,
                        "file.yaml:3:18: \"name\" in metadata must be a string, got the number 42"),
                Arguments.of("invalid name", """
                        apiVersion: slo-pipeline/v1
                        kind: Service
                        metadata: {name: Store Front}
                        spec: {owner: team-shop}
                        """,
                        "file.yaml:3:18: name \"Store Front\" is not valid: use 1 to 63 lowercase letters, digits and \"-\", "
                                + "starting with a letter and not ending with \"-\", e.g. \"store-front\""),
                Arguments.of("misspelt metadata field", """
                        apiVersion: slo-pipeline/v1
                        kind: Service
                        metadata: {name: storefront, label: {domain: shop}}
                        spec: {owner: team-shop}
                        """,
                        "file.yaml:3:30: unknown field \"label\" in metadata; did you mean \"labels\"?"),
                Arguments.of("labels that are not a map", """
                        apiVersion: slo-pipeline/v1
                        kind: Service
                        metadata: {name: storefront, labels: [shop]}
                        spec: {owner: team-shop}
                        """,
                        "file.yaml:3:38: \"labels\" in metadata must be a map, got a list"),
                Arguments.of("unknown top-level field", """
                        apiVersion: slo-pipeline/v1
                        kind: Service
                        metadata: {name: storefront}
                        spec: {owner: team-shop}
                        status: {}
                        """,
                        "file.yaml:5:1: unknown field \"status\" in the document; known fields: apiVersion, kind, metadata, spec"),
                Arguments.of("missing spec", """
                        apiVersion: slo-pipeline/v1
                        kind: Service
                        metadata: {name: storefront}
                        """,
                        "file.yaml:1:1: the document is missing the required field \"spec\"; e.g. spec: {owner: team-shop, tier: 1}"),
                Arguments.of("spec that is not a map", """
                        apiVersion: slo-pipeline/v1
                        kind: SLO
                        metadata: {name: checkout-availability}
                        spec: checkout
                        """,
                        "file.yaml:4:7: the SLO spec must be a map, got the string \"checkout\""),
                Arguments.of("a file without documents", """
                        # nothing here yet
                        """,
                        "file.yaml:1:1: warning: no documents in this file; add a Service or SLO document, or remove the file"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void shouldReportTheMistakeWhereItIs(String rule, String text, String expected) {
        assertThat(problemsAlone(text)).containsExactly(expected);
    }
}
