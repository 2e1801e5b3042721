package dev.slopipeline.router.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LabelledAlertTest {

    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

    private static LabelledAlert alert(Map<String, String> labels) {
        return new LabelledAlert(labels, Map.of(), T0, null, T0);
    }

    @Test
    void shouldSortAsAlertmanagerSortsLabelSets() {
        LabelledAlert fewer = alert(Map.of("z", "1"));
        LabelledAlert lacksB = alert(Map.of("a", "1", "c", "1"));
        LabelledAlert hasB = alert(Map.of("a", "1", "b", "9"));
        LabelledAlert smallerValue = alert(Map.of("a", "0", "b", "9"));

        List<LabelledAlert> sorted = List.of(hasB, lacksB, smallerValue, fewer).stream()
                .sorted(LabelledAlert.BY_LABELS).toList();

        // among two-label sets, name b decides before c: the set without b comes first
        assertThat(sorted).containsExactly(fewer, smallerValue, lacksB, hasB);
    }

    @Test
    void shouldRefuseAnEndBeforeTheStart() {
        assertThatThrownBy(() -> new LabelledAlert(Map.of("a", "1"), Map.of(), T0, T0.minusSeconds(1), T0))
                .hasMessageContaining("ends at 2026-11-23T09:59:59Z, before it starts at 2026-11-23T10:00:00Z");
    }
}
