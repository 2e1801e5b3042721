package dev.slopipeline.definitions.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class DefinitionChangesTest {

    private static final Map<String, String> TOPIC = Map.of(
            "SLO/kept", "a", "SLO/edited", "old", "SLO/gone", "x");
    private static final Map<String, String> FILES = Map.of(
            "SLO/kept", "a", "SLO/edited", "new", "SLO/fresh", "f");

    @Test
    void shouldSortEveryKeyIntoWhatHappensToIt() {
        DefinitionChanges changes = DefinitionChanges.between(TOPIC, FILES);

        assertThat(changes.added()).containsExactly("SLO/fresh");
        assertThat(changes.changed()).containsExactly("SLO/edited");
        assertThat(changes.unchanged()).containsExactly("SLO/kept");
        assertThat(changes.removed()).containsExactly("SLO/gone");
    }

    @Test
    void shouldWriteAddedAndChangedValuesAndTombstonesOnlyWhenPruning() {
        DefinitionChanges changes = DefinitionChanges.between(TOPIC, FILES);

        assertThat(changes.writes(false)).containsExactly(
                new DefinitionRecord("SLO/fresh", "f"), new DefinitionRecord("SLO/edited", "new"));
        assertThat(changes.writes(true)).containsExactly(
                new DefinitionRecord("SLO/fresh", "f"), new DefinitionRecord("SLO/edited", "new"),
                DefinitionRecord.tombstone("SLO/gone"));
    }

    @Test
    void shouldDescribeWhatAnApplyWouldDo() {
        DefinitionChanges changes = DefinitionChanges.between(TOPIC, FILES);

        assertThat(changes.describe(false)).containsExactly(
                "added     SLO/fresh",
                "changed   SLO/edited",
                "unchanged SLO/kept",
                "kept      SLO/gone (not in the files; --prune removes it)",
                "1 added, 1 changed, 1 unchanged, 1 not in the files (kept)");
        assertThat(changes.describe(true)).contains("removed   SLO/gone", "1 added, 1 changed, 1 unchanged, 1 removed");
    }
}
