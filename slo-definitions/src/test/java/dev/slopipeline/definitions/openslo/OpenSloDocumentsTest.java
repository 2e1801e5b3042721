package dev.slopipeline.definitions.openslo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slopipeline.definitions.model.ServiceDefinition;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Whole documents: kinds, services, and how SLOs reach their SLIs and metric sources. Tables quote with
 * {@code "} because messages contain apostrophes.
 */
class OpenSloDocumentsTest {

    private static final String SLI_SPEC = """
            spec:
              ratioMetric:
                good:
                  metricSource:
                    type: slo-pipeline
                    spec: {match: [{service: checkout-api}], status: {below: 500}}
                total:
                  metricSource:
                    type: slo-pipeline
                    spec: {match: [{service: checkout-api}]}
            """;
    private static final String GOOD =
            "good: {metricSource: {type: slo-pipeline, spec: {match: [{service: checkout-api}], status: {below: 500}}}}";
    private static final String TOTAL =
            "total: {metricSource: {type: slo-pipeline, spec: {match: [{service: checkout-api}]}}}";

    private static String service(String metadata) {
        return """
                apiVersion: openslo/v1
                kind: Service
                metadata: %s
                """.formatted(metadata);
    }

    /** An SLO with the given lines in place of its indicator, from line 6 on. */
    private static String sloWith(String indicator) {
        return """
                apiVersion: openslo/v1
                kind: SLO
                metadata: {name: checkout}
                spec:
                  service: storefront
                %s
                  timeWindow: [{duration: 28d}]
                  budgetingMethod: Occurrences
                  objectives: [{target: 0.999}]
                """.formatted(indicator.stripTrailing().indent(2).stripTrailing());
    }

    /** An SLO with an inline ratioMetric of the given lines, from line 9 on. */
    private static String ratioMetric(String... lines) {
        return sloWith("indicator:\n  spec:\n    ratioMetric:\n" + String.join("\n", lines).indent(6));
    }

    @Test
    void shouldTakeAServiceWithoutSpecAndDefaultItsTier() {
        Translation translation = Translation.ofText(service("{name: accounts, labels: {owner: team-identity, region: [eu, us]}}"));

        assertThat(translation.problems()).isEmpty();
        assertThat(translation.services()).singleElement().extracting(declared -> declared.definition()).isEqualTo(
                new ServiceDefinition("accounts", "team-identity", 2, null, null, Map.of(), Map.of("region", "eu,us")));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "{name: accounts} | test.yaml:3:18: Service \"accounts\" has no owner: OpenSLO has no owner field, so slo-pipeline reads it from metadata.labels.owner (e.g. labels: {owner: team-shop})",
            "{name: accounts, labels: {owner: [team-a, team-b]}} | test.yaml:3:44: label \"owner\" of Service \"accounts\" must name one team, got [team-a, team-b]",
            "{name: accounts, labels: {owner: {team: identity}}} | test.yaml:3:44: label \"owner\" in metadata of the Service must be a string or a list of strings, got a map",
            "{name: accounts, labels: {owner: team-identity, tier: gold}} | test.yaml:3:65: label \"tier\" of Service \"accounts\" must be 1, 2, 3 or 4 (1 critical .. 4 experiment), got \"gold\"",
            "{name: Accounts_API, labels: {owner: team-identity}} | test.yaml:3:18: Service name \"Accounts_API\" must be 1 to 63 lowercase letters, digits and \"-\", starting with a letter and not ending with \"-\" (slo-pipeline uses it as a Kafka key and in URLs)",
            "{displayName: Accounts, labels: {owner: team-identity}} | test.yaml:3:11: metadata of the Service is missing the required field \"name\"",
    })
    void shouldExplainServicesThatCannotBeImported(String metadata, String expected) {
        Translation translation = Translation.ofText(service(metadata));

        assertThat(translation.problems()).containsExactly(expected);
        assertThat(translation.services()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "AlertPolicy | test.yaml:2:7: warning: kind AlertPolicy is ignored: slo-pipeline alerts with the workbook burn-rate pairs and routes alerts with its own router (see OPENSLO.md)",
            "AlertCondition | test.yaml:2:7: warning: kind AlertCondition is ignored: slo-pipeline alerts with the workbook burn-rate pairs and routes alerts with its own router (see OPENSLO.md)",
            "AlertNotificationTarget | test.yaml:2:7: warning: kind AlertNotificationTarget is ignored: slo-pipeline alerts with the workbook burn-rate pairs and routes alerts with its own router (see OPENSLO.md)",
            "DataSource | test.yaml:2:7: warning: kind DataSource is ignored: slo-pipeline evaluates its own event stream and reads no data sources",
    })
    void shouldWarnThatKindsWithoutAMappingAreIgnored(String kind, String expected) {
        String text = """
                apiVersion: openslo/v1
                kind: %s
                metadata: {name: anything}
                spec: {description: whatever the kind holds}
                """.formatted(kind);

        assertThat(Translation.ofText(text).problems()).containsExactly(expected);
    }

    @Test
    void shouldRefuseAnUnknownKindWithASuggestion() {
        String text = """
                apiVersion: openslo/v1
                kind: Slo
                metadata: {name: checkout}
                """;

        assertThat(Translation.ofText(text).problems()).containsExactly(
                "test.yaml:2:7: unknown OpenSLO kind \"Slo\": slo-pipeline imports Service, SLO and SLI; did you mean \"SLO\"?");
    }

    @Test
    void shouldRefuseUnknownFieldsAroundTheSpec() {
        String text = """
                apiVersion: openslo/v1
                kind: Service
                metadata: {name: accounts, labels: {owner: team-identity}, namespace: prod}
                spec: {description: Logins and profiles}
                status: {}
                """;

        assertThat(Translation.ofText(text).problems()).containsExactly(
                "test.yaml:3:60: unknown field \"namespace\" in metadata of the Service; known fields: annotations, displayName, labels, name",
                "test.yaml:5:1: unknown field \"status\" in an OpenSLO document; known fields: apiVersion, kind, metadata, spec");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "indicatorRef: nothing-like-it | test.yaml:6:17: indicatorRef \"nothing-like-it\" names no SLI; define one with kind: SLI and metadata.name: nothing-like-it in any file of the set",
            "# no indicator | test.yaml:5:3: spec of SLO \"checkout\" needs an indicator (an inline SLI) or an indicatorRef (the name of an SLI)",
    })
    void shouldExplainSlosWithoutAUsableIndicator(String indicator, String expected) {
        assertThat(Translation.ofText(sloWith(indicator)).problems()).containsExactly(expected);
    }

    @Test
    void shouldRefuseAnIndicatorGivenTwice() {
        String text = sloWith("indicatorRef: checkout-requests\nindicator:\n" + SLI_SPEC.indent(2));

        assertThat(Translation.ofText(text).problems()).containsExactly("test.yaml:6:3: spec of SLO \"checkout\" has both "
                + "indicator and indicatorRef: write the SLI inline or refer to it, not both");
    }

    @Test
    void shouldRequireATimeWindow() {
        String text = sloWith("indicator:\n" + SLI_SPEC.indent(2)).replace("  timeWindow: [{duration: 28d}]\n", "");

        assertThat(Translation.ofText(text).problems()).containsExactly(
                "test.yaml:5:3: spec of SLO \"checkout\" needs a timeWindow, e.g. [{duration: 28d, isRolling: true}]");
    }

    @Test
    void shouldReportAnSlisMistakesOnceAndNotAgainForEachSloThatUsesIt() {
        String text = sloWith("indicatorRef: checkout-requests") + """
                ---
                apiVersion: openslo/v1
                kind: SLI
                metadata: {name: checkout-requests}
                """ + SLI_SPEC.replace("status: {below: 500}", "status: {below: 900}");

        Translation translation = Translation.ofText(text);

        assertThat(translation.problems()).containsExactly("test.yaml:19:66: status codes run from 100 to 599, got 900");
        assertThat(translation.slos()).isEmpty();
    }

    @Test
    void shouldRefuseTwoSlisOfTheSameName() {
        String sli = """
                apiVersion: openslo/v1
                kind: SLI
                metadata: {name: checkout-requests}
                """ + SLI_SPEC;

        assertThat(Translation.ofText(sli + "---\n" + sli).problems()).containsExactly(
                "test.yaml:17:18: duplicate SLI \"checkout-requests\": first declared at test.yaml:3:18");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "{metricSourceRef: prometheus-datasource, spec: {query: up}} | test.yaml:10:43: metricSourceRef \"prometheus-datasource\" is not supported: slo-pipeline evaluates its own event stream and reads no data sources; use type: slo-pipeline (see OPENSLO.md)",
            "{spec: {match: [{service: checkout-api}], status: {below: 500}}} | test.yaml:10:25: metricSource of good in the indicator of SLO \"checkout\" needs type: slo-pipeline (see OPENSLO.md)",
            "{type: slo-pipeline} | test.yaml:10:25: metricSource of good in the indicator of SLO \"checkout\" is missing the required field \"spec\"",
            "{type: slo-pipeline, spec: {match: [], status: {below: 500}}} | test.yaml:10:60: match must list at least one event selector, e.g. - {service: checkout-api, operation: \"POST /checkout\"}",
            "{type: slo-pipeline, spec: {match: [{service: checkout-api, operation: {regex: \"POST (\"}}], status: {below: 500}}} | test.yaml:10:104: invalid regular expression \"POST (\": missing closing )",
            "{type: slo-pipeline, spec: {match: [{service: checkout-api, check: probe}], status: {below: 500}}} | test.yaml:10:85: \"check\" is for source health; a requests indicator selects events by \"operation\"",
    })
    void shouldExplainGoodMetricSourcesThatCannotBeRead(String metricSource, String expected) {
        String text = ratioMetric("good:", "  metricSource: " + metricSource, TOTAL);

        assertThat(Translation.ofText(text).problems()).containsExactly(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "raw: {metricSource: {type: slo-pipeline, spec: {}}} | test.yaml:10:9: raw ratios are not supported: slo-pipeline counts good and total events itself; use good (or bad) and total",
            "total: {metricSource: {type: slo-pipeline, spec: {match: [{service: checkout-api}], status: {below: 500}}}} | test.yaml:10:93: total selects the journey's events and takes no criteria: move \"status\" to good (or bad)",
            "total: {metricSource: {type: slo-pipeline, spec: {source: health, match: [{service: checkout-api}]}}} | test.yaml:9:9: good and total must select the same events: write the same source and match under both; only good adds status or latency_ms",
    })
    void shouldExplainTotalsThatCannotBeMapped(String total, String expected) {
        assertThat(Translation.ofText(ratioMetric(GOOD, total)).problems()).containsExactly(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "bad: {metricSource: {type: slo-pipeline, spec: {match: [{service: checkout-api}], status: {atLeast: 500}}}} | test.yaml:10:9: ratioMetric of the indicator of SLO \"checkout\" has both good and bad: write one of them (bad: {status: {atLeast: 500}} is good: {status: {below: 500}})",
            "counter: maybe | test.yaml:10:18: \"counter\" in ratioMetric of the indicator of SLO \"checkout\" must be true or false, got the string \"maybe\"",
    })
    void shouldExplainRatioMetricsThatCannotBeMapped(String line, String expected) {
        assertThat(Translation.ofText(ratioMetric(GOOD, line, TOTAL)).problems()).containsExactly(expected);
    }
}
