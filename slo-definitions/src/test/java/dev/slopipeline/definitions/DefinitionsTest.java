package dev.slopipeline.definitions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slopipeline.definitions.model.SloWindow;
import dev.slopipeline.definitions.yaml.LoadResult;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DefinitionsTest {

    @Test
    void shouldMixOpenSloAndOurLanguageInOneSet() {
        Map<String, String> texts = new LinkedHashMap<>();
        texts.put("services.yaml", """
                apiVersion: slo-pipeline/v1
                kind: Service
                metadata: {name: storefront}
                spec: {owner: team-shop, tier: 1}
                """);
        texts.put("openslo.yaml", """
                apiVersion: openslo/v1
                kind: SLO
                metadata: {name: checkout-availability}
                spec:
                  service: storefront
                  timeWindow: [{duration: 28d, isRolling: true}]
                  budgetingMethod: Occurrences
                  objectives: [{target: 0.999}]
                  indicator:
                    metadata: {name: checkout-requests}
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
                """);

        LoadResult result = Definitions.loadTexts(texts);

        assertThat(result.problems()).isEmpty();
        assertThat(result.definitions().slos().get("checkout-availability").window())
                .isEqualTo(new SloWindow.Rolling(Duration.ofDays(28)));
        assertThat(result.definitions().serviceOf(result.definitions().slos().get("checkout-availability")))
                .get().extracting(s -> s.owner()).isEqualTo("team-shop");
    }

    @Test
    void shouldReportAnOpenSloSloThatNamesAnUnknownService() {
        LoadResult result = Definitions.loadTexts(Map.of("openslo.yaml", """
                apiVersion: openslo/v1
                kind: SLO
                metadata: {name: checkout-availability}
                spec:
                  service: storefrnt
                  timeWindow: [{duration: 28d, isRolling: true}]
                  budgetingMethod: Occurrences
                  objectives: [{targetPercent: 99.9}]
                  indicator:
                    metadata: {name: checkout-requests}
                    spec:
                      ratioMetric:
                        good: {metricSource: {type: slo-pipeline, spec: {match: [{service: a}], status: {below: 500}}}}
                        total: {metricSource: {type: slo-pipeline, spec: {match: [{service: a}]}}}
                """));

        assertThat(result.errors()).extracting(Object::toString)
                .containsExactly("openslo.yaml:5:12: SLO \"checkout-availability\" names the unknown service \"storefrnt\"; no Service is defined: add a document of kind Service named \"storefrnt\"");
    }
}
