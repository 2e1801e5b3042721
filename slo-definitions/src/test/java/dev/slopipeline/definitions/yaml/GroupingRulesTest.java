package dev.slopipeline.definitions.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slopipeline.definitions.model.Grouping;
import dev.slopipeline.definitions.model.SloDefinition;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code groupBy} and {@code maxSeries}: an SLO split into one series per combination of event fields. See {@link ValidSlo}. */
class GroupingRulesTest {

    @Test
    void shouldReadTheFieldsInOrderAndTheLimit() {
        LoadResult result = DefinitionLoader.loadTexts(Map.of("services.yaml", Fixtures.CATALOG, "slo.yaml",
                ValidSlo.TEXT + "  groupBy: [region, service, cloud.tier]\n  maxSeries: 50\n"));

        assertThat(result.problems()).isEmpty();
        Grouping grouping = result.definitions().slos().get("checkout-availability").grouping();
        assertThat(grouping.by()).containsExactly("region", "service", "cloud.tier");
        assertThat(grouping.labels()).containsExactly("region", "event_service", "cloud_tier");
        assertThat(grouping.maxSeries()).isEqualTo(50);
    }

    @Test
    void shouldLeaveAnSloWithoutGroupByWholeWithTheDefaultLimit() {
        LoadResult result = DefinitionLoader.loadTexts(Map.of("services.yaml", Fixtures.CATALOG, "slo.yaml", ValidSlo.TEXT));

        SloDefinition slo = result.definitions().slos().get("checkout-availability");
        assertThat(slo.grouping().isSplit()).isFalse();
        assertThat(slo.grouping().maxSeries()).isEqualTo(1000);
    }

    static Stream<Arguments> rules() {
        return Stream.of(
                Arguments.of("groupBy that is not a list", List.of("  window: 30d", "  window: 30d\n  groupBy: region"), List.of(
                        "slo.yaml:11:12: \"groupBy\" in the SLO spec (event attributes, service or operation, "
                                + "e.g. groupBy: [region]) must be a list, got the string \"region\"")),
                Arguments.of("empty groupBy", List.of("  window: 30d", "  window: 30d\n  groupBy: []"), List.of(
                        "slo.yaml:11:12: groupBy is empty, which splits nothing: name event attributes, service or "
                                + "operation, e.g. groupBy: [region], or leave groupBy out")),
                Arguments.of("a field named twice", List.of("  window: 30d", "  window: 30d\n  groupBy: [region, region]"), List.of(
                        "slo.yaml:11:21: groupBy names \"region\" twice")),
                Arguments.of("two fields that become one label", List.of("  window: 30d", "  window: 30d\n  groupBy: [cloud.region, cloud_region]"), List.of(
                        "slo.yaml:11:27: groupBy fields \"cloud.region\" and \"cloud_region\" both become the label "
                                + "\"cloud_region\"; keep one of them")),
                Arguments.of("a label every alert carries", List.of("  window: 30d", "  window: 30d\n  groupBy: [tier]"), List.of(
                        "slo.yaml:11:13: groupBy field \"tier\" would become the label \"tier\", which every SLO alert "
                                + "or series already carries; split by another attribute")),
                Arguments.of("a label of the SLO itself", List.of("metadata: {name: checkout-availability}",
                        "metadata: {name: checkout-availability, labels: {region: eu}}", "  window: 30d",
                        "  window: 30d\n  groupBy: [region]"), List.of(
                        "slo.yaml:11:13: groupBy field \"region\" would become the label \"region\", which "
                                + "metadata.labels already sets for the whole SLO; rename one of them")),
                Arguments.of("maxSeries of 0", List.of("  window: 30d", "  window: 30d\n  groupBy: [region]\n  maxSeries: 0"), List.of(
                        "slo.yaml:12:14: maxSeries must be 1 to 100000 (how many distinct combinations of the groupBy "
                                + "values get a series of their own), got 0")),
                Arguments.of("maxSeries without groupBy", List.of("  window: 30d", "  window: 30d\n  maxSeries: 10"), List.of(
                        "slo.yaml:11:3: warning: maxSeries has no effect without groupBy, the fields that split the "
                                + "SLO into series, e.g. groupBy: [region]")),
                Arguments.of("misspelt groupBy", List.of("  window: 30d", "  window: 30d\n  groupby: [region]"), List.of(
                        "slo.yaml:11:3: unknown field \"groupby\" in the SLO spec; did you mean \"groupBy\"?")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void shouldReportTheMistakeWhereItIs(String rule, List<String> linesAndReplacements, List<String> expected) {
        assertThat(ValidSlo.problemsWith(linesAndReplacements.toArray(String[]::new))).containsExactlyElementsOf(expected);
    }
}
