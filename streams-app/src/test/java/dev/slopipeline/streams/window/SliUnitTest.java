package dev.slopipeline.streams.window;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SliUnitTest {

    @ParameterizedTest(name = "{0} good, {1} bad: {2} good, {3} bad units")
    @CsvSource({"0, 0, 0, 0", "40, 3, 40, 3", "0, 7, 0, 7"})
    void shouldCountEveryEventAsAUnitForOccurrences(long good, long bad, long goodUnits, long badUnits) {
        assertThat(new SliUnit.Events().contribution(good, bad)).isEqualTo(new Tally(goodUnits, badUnits, good + bad));
    }

    @ParameterizedTest(name = "target {0}, {1} good, {2} bad: {3} good, {4} bad minutes")
    @CsvSource({
            // a minute without traffic counts for nothing
            "0.9,  0,  0, 0, 0",
            // the good-event ratio reaching the target makes a good minute, however many events
            "0.9,  9,  1, 1, 0",
            "0.9,  8,  1, 0, 1",
            "0.9,  0,  5, 0, 1",
            "0.99, 99, 1, 1, 0",
            "1.0,  99, 1, 0, 1",
            "1.0,  1,  0, 1, 0",
    })
    void shouldJudgeEachMinuteWithTrafficAsOneUnitForTimeslices(double target, long good, long bad, long goodUnits, long badUnits) {
        assertThat(new SliUnit.Minutes(target).contribution(good, bad)).isEqualTo(new Tally(goodUnits, badUnits, good + bad));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(doubles = {0.0, -0.5, 1.01, Double.NaN})
    void shouldRefuseASliceTargetOutsideZeroToOne(double target) {
        assertThatThrownBy(() -> new SliUnit.Minutes(target))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sliceTarget must be in (0, 1]");
    }
}
