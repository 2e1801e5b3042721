package dev.slopipeline.streams.health;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slopipeline.definitions.alert.Alert;
import dev.slopipeline.definitions.event.HealthStatus;
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

class HealthContextTest {

    private static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");
    private static final Duration TTL = Duration.ofMinutes(10);

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
    void shouldKeepTheLatestResultOfEachCheckAndReportTheFailingOnes() {
        HealthContext context = HealthContext.empty(TTL);
        Parts parts = new Parts();

        context.record("payments", "db-ping", "db-1", HealthStatus.FAIL, T0, parts);
        context.record("payments", "db-ping", "db-1", HealthStatus.PASS, T0.plusSeconds(30), parts);
        context.record("payments", "db-ping", "db-1", HealthStatus.FAIL, T0.plusSeconds(10), parts);
        context.record("payments", "db-ping", "db-2", HealthStatus.WARN, T0.plusSeconds(40), parts);

        assertThat(context.failingAround(T0.plusSeconds(60)))
                .as("db-1 passes at its latest; an older result arriving late does not count")
                .containsExactly(new Alert.Context("payments", "db-ping", HealthStatus.WARN, "db-2", T0.plusSeconds(40)));
    }

    @Test
    void shouldForgetResultsOlderThanTheTimeToLive() {
        HealthContext context = HealthContext.empty(TTL);
        Parts parts = new Parts();
        context.record("payments", "db-ping", null, HealthStatus.FAIL, T0, parts);

        assertThat(context.failingAround(T0.plus(TTL))).hasSize(1);
        assertThat(context.failingAround(T0.plus(TTL).plusMillis(1))).isEmpty();

        context.expire(T0.plus(Duration.ofMinutes(11)), parts);
        assertThat(parts.stored).isEmpty();
    }

    @Test
    void shouldKeepABoundedNumberOfChecks() {
        HealthContext context = HealthContext.empty(TTL);
        Parts parts = new Parts();
        for (int i = 0; i < HealthContext.KEPT + 10; i++) {
            context.record("payments", "db-ping", "db-" + i, HealthStatus.FAIL, T0.plusSeconds(i), parts);
        }

        assertThat(parts.stored).hasSize(HealthContext.KEPT);
        assertThat(context.failingAround(T0.plusSeconds(80))).extracting(Alert.Context::target)
                .doesNotContain("db-0", "db-9").contains("db-10", "db-73");
    }

    @Test
    void shouldRebuildFromItsParts() {
        HealthContext context = HealthContext.empty(TTL);
        Parts parts = new Parts();
        context.record("payments", "db-ping", null, HealthStatus.FAIL, T0, parts);
        context.record("payments", "queue", "q-1", HealthStatus.WARN, T0.plusSeconds(5), parts);

        assertThat(HealthContext.rebuild(TTL, parts.list()).failingAround(T0.plusSeconds(5)))
                .isEqualTo(context.failingAround(T0.plusSeconds(5)));
    }
}
