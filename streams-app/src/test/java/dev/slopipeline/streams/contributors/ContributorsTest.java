package dev.slopipeline.streams.contributors;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slopipeline.definitions.alert.Alert;
import dev.slopipeline.streams.store.Part;
import dev.slopipeline.streams.store.PartSink;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ContributorsTest {

    private static final Instant T0 = Instant.parse("2026-03-02T10:15:00Z");

    /** The parts as a store would keep them. */
    private static final class Parts implements PartSink {
        final Map<ByteBuffer, byte[]> stored = new TreeMap<>();

        @Override
        public void put(byte[] part, byte[] value) {
            stored.put(ByteBuffer.wrap(part), value);
        }

        @Override
        public void delete(byte[] part) {
            stored.remove(ByteBuffer.wrap(part));
        }

        List<Part> list() {
            List<Part> parts = new ArrayList<>();
            stored.forEach((name, value) -> parts.add(new Part(name.array(), value)));
            return parts;
        }
    }

    @Test
    void shouldReportTheWorstSourcesOfTheLastTwoHours() {
        Contributors contributors = Contributors.none();
        Parts parts = new Parts();

        contributors.add("payments", "POST /charge/visa", 40, T0, parts);
        contributors.add("checkout-api", "POST /checkout", 5, T0.plusSeconds(10), parts);
        contributors.add("payments", "POST /charge/visa", 30, T0.plus(Duration.ofHours(1)), parts);
        contributors.add("payments", "POST /charge/amex", 50, T0.plus(Duration.ofHours(1)), parts);

        assertThat(contributors.top(T0.plus(Duration.ofHours(1)))).containsExactly(
                new Alert.Contributor("payments", "POST /charge/visa", 70),
                new Alert.Contributor("payments", "POST /charge/amex", 50),
                new Alert.Contributor("checkout-api", "POST /checkout", 5));
        assertThat(contributors.top(T0.plus(Duration.ofHours(2)))).as("the first hour has gone")
                .containsExactly(new Alert.Contributor("payments", "POST /charge/amex", 50),
                        new Alert.Contributor("payments", "POST /charge/visa", 30));
    }

    @Test
    void shouldKeepAtMostTwentySourcesAnHourDroppingTheSmallest() {
        Contributors contributors = Contributors.none();
        Parts parts = new Parts();
        for (int i = 1; i <= 25; i++) {
            contributors.add("svc-" + i, "GET /", i, T0, parts);
        }

        assertThat(parts.stored).hasSize(Contributors.KEPT);
        assertThat(contributors.top(T0)).extracting(Alert.Contributor::service)
                .containsExactly("svc-25", "svc-24", "svc-23", "svc-22", "svc-21");
    }

    @Test
    void shouldDropTheHoursThatLeaveAndIgnoreOlderEvents() {
        Contributors contributors = Contributors.none();
        Parts parts = new Parts();
        contributors.add("payments", "POST /charge", 3, T0, parts);

        contributors.add("payments", "POST /charge", 4, T0.plus(Duration.ofHours(5)), parts);
        contributors.add("payments", "POST /charge", 9, T0, parts);

        assertThat(parts.stored).hasSize(1);
        assertThat(contributors.top(T0.plus(Duration.ofHours(5)))).containsExactly(new Alert.Contributor("payments", "POST /charge", 4));
    }

    @Test
    void shouldRebuildFromItsParts() {
        Contributors contributors = Contributors.none();
        Parts parts = new Parts();
        contributors.add("payments", "POST /charge/visa", 40, T0, parts);
        contributors.add("a\u0000b", "op with \u00e9", 7, T0.plus(Duration.ofHours(1)), parts);

        Contributors rebuilt = Contributors.rebuild(parts.list());

        Instant at = T0.plus(Duration.ofHours(1));
        assertThat(rebuilt.top(at)).isEqualTo(contributors.top(at));
        rebuilt.add("payments", "POST /charge/visa", 1, at, new Parts());
        assertThat(rebuilt.top(at)).first().isEqualTo(new Alert.Contributor("payments", "POST /charge/visa", 41));
    }
}
