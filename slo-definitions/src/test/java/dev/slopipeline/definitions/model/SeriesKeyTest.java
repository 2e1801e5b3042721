package dev.slopipeline.definitions.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
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
}
