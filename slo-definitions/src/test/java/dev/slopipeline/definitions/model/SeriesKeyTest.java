package dev.slopipeline.definitions.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The key of one series of an SLO, as the stores, the status topic and alert ids write it. */
class SeriesKeyTest {

    @Test
    void shouldWriteAnSloThatIsNotSplitAsItsBareName() {
        assertThat(SeriesKey.whole("checkout-availability").text()).isEqualTo("checkout-availability");
        assertThat(SeriesKey.parse("checkout-availability")).isEqualTo(SeriesKey.whole("checkout-availability"));
    }

    @Test
    void shouldWriteASplitSeriesAsPrometheusWritesASeries() {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("region", "eu-west");
        labels.put("event_service", "payments");

        assertThat(new SeriesKey("checkout", labels).text()).isEqualTo("checkout{region=\"eu-west\",event_service=\"payments\"}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"eu-west", "", "say \"hi\"", "back\\slash", "new\nline", "nul\u0000byte", "a,b=\"c\"}", "{}", "ünï"})
    void shouldReadBackAnyValueAndNeverWriteANul(String value) {
        SeriesKey key = new SeriesKey("checkout", Map.of("region", value));

        assertThat(key.text()).doesNotContain("\u0000");
        assertThat(SeriesKey.parse(key.text())).isEqualTo(key);
    }

    @Test
    void shouldRefuseTextThatIsNoSeriesKey() {
        assertThatThrownBy(() -> SeriesKey.parse("checkout{region=\"eu")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SeriesKey.parse("checkout{region}")).isInstanceOf(IllegalArgumentException.class);
    }

    /** A series summed under an earlier groupBy, and the series of the SLO split as now its counts belong to. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            fewer labels: the ones kept hold the values               | checkout{region="eu-west",tenant="acme"} | region          | checkout{region="eu-west"}
            the order of the new groupBy                              | checkout{region="eu-west",tenant="acme"} | tenant, region  | checkout{tenant="acme",region="eu-west"}
            not split any more: the SLO's one series                  | checkout{region="eu-west"}               |                 | checkout
            the overflow, when no label is needed                     | checkout{region="other",tenant="other"}  |                 | checkout
            the overflow's values stand for many combinations         | checkout{region="other",tenant="other"}  | region          |
            a new label: the events' values for it are gone           | checkout{region="eu-west"}               | region, tenant  |
            another label                                             | checkout{region="eu-west"}               | tenant          |
            split now, not before                                     | checkout                                 | region          |
            another SLO                                               | search{region="eu-west"}                 | region          |
            """)
    void shouldRegroupASeriesOfAnEarlierGroupByOnlyWhenItsCountsBelongToOneSeries(String behaviour, String earlier,
                                                                                 String groupBy, String regrouped) {
        List<String> by = groupBy == null ? List.of() : List.of(groupBy.split(",\\s*"));
        SloDefinition now = new SloDefinition("checkout", Map.of(), null, "storefront", "checkout",
                new Indicator.Requests(List.of(new EventMatcher("checkout-api", null, Map.of())), new StatusRule.Below(500),
                        OptionalDouble.empty()),
                99.9, new SloWindow.Rolling(Duration.ofDays(30)), new Budgeting.Occurrences(), AlertingSpec.defaults(),
                by.isEmpty() ? Grouping.none() : new Grouping(by, 10));

        assertThat(SeriesKey.parse(earlier).regroupedFor(now).map(SeriesKey::text)).as(behaviour)
                .isEqualTo(Optional.ofNullable(regrouped));
    }
}
