package dev.slopipeline.streams.window;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WindowChangesTest {

    private static List<Integer> changed(WindowChanges.Slots slots) {
        List<Integer> changed = new ArrayList<>();
        for (int i = 0; i < slots.count(); i++) {
            changed.add(slots.get(i));
        }
        return changed;
    }

    @ParameterizedTest(name = "newest bucket {0} to {1}: slots {2}")
    @CsvSource(delimiter = ';', value = {
            "7; 7; ",
            "7; 6; ",
            // the bucket that was open first, then each that entered, in bucket order
            "7; 8; 2 3",
            "7; 9; 2 3 4",
            "7; 11; 2 3 4 0 1",
            // a jump of the whole ring or more changes every slot, whichever buckets enter
            "7; 12; 2 0 1 3 4",
            "7; 500; 2 0 1 3 4",
            "-1; 1; 4 0 1",
    })
    void shouldNoteTheClosedBucketAndEveryBucketThatEntered(long from, long to, String slots) {
        WindowChanges changes = new WindowChanges(new int[] {5});

        changes.advancing(0, from, to, slot -> true);

        assertThat(changed(changes.ring(0))).map(String::valueOf)
                .containsExactly(slots == null ? new String[0] : slots.split(" "));
    }

    @ParameterizedTest(name = "newest bucket {0} to {1}, slot 4 held data: slots {2}")
    @CsvSource(delimiter = ';', value = {
            // the closed bucket is always written; an entering slot only when it had a part to delete
            "7; 8; 2",
            "7; 9; 2 4",
            "7; 500; 2 4",
    })
    void shouldLeaveOutEnteringSlotsThatHeldNothing(long from, long to, String slots) {
        WindowChanges changes = new WindowChanges(new int[] {5});

        changes.advancing(0, from, to, slot -> slot == 4);

        assertThat(changed(changes.ring(0))).map(String::valueOf).containsExactly(slots.split(" "));
    }

    @Test
    void shouldNoteEachSlotOnceInTheOrderItFirstChangedUntilCleared() {
        WindowChanges changes = new WindowChanges(new int[] {5, 3});
        changes.slot(0, 3);
        changes.slot(1, 2);
        changes.slot(0, 1);
        changes.slot(0, 3);
        List<Integer> before = changed(changes.ring(0));

        changes.ring(0).clear();
        changes.slot(0, 3);

        assertThat(before).containsExactly(3, 1);
        assertThat(changed(changes.ring(0))).containsExactly(3);
        assertThat(changed(changes.ring(1))).as("each ring apart").containsExactly(2);
    }

    @Test
    void shouldTellWhetherAnythingChangedOnceEach() {
        WindowChanges changes = new WindowChanges(new int[] {5});
        boolean fresh = changes.takeAny();
        changes.touched();

        assertThat(fresh).isFalse();
        assertThat(changes.takeAny()).isTrue();
        assertThat(changes.takeAny()).isFalse();
    }
}
