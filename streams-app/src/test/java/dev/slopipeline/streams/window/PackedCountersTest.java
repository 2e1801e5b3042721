package dev.slopipeline.streams.window;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PackedCountersTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(longs = {1, -1, Short.MAX_VALUE, Short.MIN_VALUE, Short.MAX_VALUE + 1L, Integer.MAX_VALUE,
            Integer.MIN_VALUE, Integer.MAX_VALUE + 1L, 3_000_000_000_000L, Long.MAX_VALUE, Long.MIN_VALUE})
    void shouldHoldAnyValueBesideTheOthers(long value) {
        PackedCounters counters = new PackedCounters(3);
        counters.set(0, 7);
        counters.set(2, -9);

        counters.set(1, value);

        assertThat(counters.get(0)).isEqualTo(7);
        assertThat(counters.get(1)).isEqualTo(value);
        assertThat(counters.get(2)).isEqualTo(-9);
    }

    @Test
    void shouldAddPastEveryWidthWithoutLosingCounts() {
        PackedCounters counters = new PackedCounters(2);
        long expected = 0;
        for (long delta = 1; delta < Long.MAX_VALUE / 4; delta *= 3) {
            counters.add(1, delta);
            expected += delta;
            assertThat(counters.get(1)).isEqualTo(expected);
        }
        assertThat(counters.get(0)).isZero();
    }

    @Test
    void shouldBeAllZeroAfterClearing() {
        PackedCounters counters = new PackedCounters(2);
        counters.set(0, Long.MAX_VALUE);

        counters.clear();

        assertThat(counters.get(0)).isZero();
        assertThat(counters.get(1)).isZero();
        counters.add(1, 5);
        assertThat(counters.get(1)).isEqualTo(5);
    }

    @Test
    void shouldRefuseAnIndexOutsideEvenWhileEmpty() {
        PackedCounters counters = new PackedCounters(2);

        assertThatThrownBy(() -> counters.get(2)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> counters.set(2, 0)).isInstanceOf(IndexOutOfBoundsException.class);
    }
}
