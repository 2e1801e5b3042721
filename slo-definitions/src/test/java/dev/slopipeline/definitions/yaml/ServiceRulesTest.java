package dev.slopipeline.definitions.yaml;

import static dev.slopipeline.definitions.yaml.Fixtures.problemsAlone;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ServiceRulesTest {

    static Stream<Arguments> rules() {
        return Stream.of(
                Arguments.of("missing owner, misspelt", """
                        apiVersion: slo-pipeline/v1
                        kind: Service
                        metadata: {name: storefront}
                        spec:
                          owners: team-shop
                          tier: 1
                        """, List.of(
                        "file.yaml:5:3: the Service spec is missing the required field \"owner\"; name the owning team, e.g. owner: team-shop",
                        "file.yaml:5:3: unknown field \"owners\" in the Service spec; did you mean \"owner\"?")),
                Arguments.of("blank owner", """
                        apiVersion: slo-pipeline/v1
                        kind: Service
                        metadata: {name: storefront}
                        spec:
                          owner: ""
                        """, List.of(
                        "file.yaml:5:10: owner must name the owning team, e.g. owner: team-shop")),
                Arguments.of("tier that is not a number", """
                        apiVersion: slo-pipeline/v1
                        kind: Service
                        metadata: {name: storefront}
                        spec:
                          owner: team-shop
                          tier: one
                        """, List.of(
                        "file.yaml:6:9: \"tier\" in the Service spec must be a whole number, got the string \"one\"")),
                Arguments.of("tier outside 1 to 4", """
                        apiVersion: slo-pipeline/v1
                        kind: Service
                        metadata: {name: storefront}
                        spec:
                          owner: team-shop
                          tier: 5
                        """, List.of(
                        "file.yaml:6:9: tier must be 1 (critical), 2, 3 or 4 (experiment), got 5")),
                Arguments.of("runbook that is not an http(s) URL", """
                        apiVersion: slo-pipeline/v1
                        kind: Service
                        metadata: {name: storefront}
                        spec:
                          owner: team-shop
                          runbook: ftp://runbooks.example/storefront
                        """, List.of(
                        "file.yaml:6:12: runbook must be an http(s) URL such as https://runbooks.example/checkout, "
                                + "got \"ftp://runbooks.example/storefront\"")),
                Arguments.of("runbook that is a path", """
                        apiVersion: slo-pipeline/v1
                        kind: Service
                        metadata: {name: storefront}
                        spec:
                          owner: team-shop
                          runbook: wiki/storefront
                        """, List.of(
                        "file.yaml:6:12: runbook must be an http(s) URL such as https://runbooks.example/checkout, "
                                + "got \"wiki/storefront\"")),
                Arguments.of("contacts that are not a map", """
                        apiVersion: slo-pipeline/v1
                        kind: Service
                        metadata: {name: storefront}
                        spec:
                          owner: team-shop
                          contacts: "#shop-oncall"
                        """, List.of(
                        "file.yaml:6:13: \"contacts\" in the Service spec must be a map, got the string \"#shop-oncall\"")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void shouldReportTheMistakeWhereItIs(String rule, String text, List<String> expected) {
        assertThat(problemsAlone(text)).containsExactlyElementsOf(expected);
    }
}
