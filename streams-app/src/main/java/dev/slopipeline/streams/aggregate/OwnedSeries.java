package dev.slopipeline.streams.aggregate;

import dev.slopipeline.definitions.model.SeriesKey;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The SLO series with state in one task, loaded or not, by the text of their keys: sorted, so that punctuations run
 * in a stable order, and counted per SLO, so that a split SLO's {@code maxSeries} costs no scan.
 */
final class OwnedSeries {

    private final NavigableSet<String> keys = new TreeSet<>();
    private final Map<String, Integer> perSlo = new HashMap<>();

    void add(String key) {
        if (keys.add(key)) {
            perSlo.merge(SeriesKey.sloOf(key), 1, Integer::sum);
        }
    }

    void addAll(Collection<String> added) {
        added.forEach(this::add);
    }

    void remove(String key) {
        if (keys.remove(key)) {
            perSlo.computeIfPresent(SeriesKey.sloOf(key), (slo, count) -> count == 1 ? null : count - 1);
        }
    }

    boolean contains(String key) {
        return keys.contains(key);
    }

    /** How many series of the SLO have state here. */
    int countOf(String slo) {
        return perSlo.getOrDefault(slo, 0);
    }

    /** The series of a split SLO, in key order: the keys {@code slo{...}}. */
    List<String> splitSeriesOf(String slo) {
        return List.copyOf(keys.subSet(SeriesKey.splitRangeStart(slo), SeriesKey.splitRangeEnd(slo)));
    }

    int size() {
        return keys.size();
    }

    /**
     * Up to {@code count} keys that follow {@code previous} in key order, going round to the first key after the last
     * one; from the first key when {@code previous} is null. A copy, safe to walk while series come and go.
     */
    List<String> following(String previous, int count) {
        List<String> slice = new ArrayList<>(Math.min(count, keys.size()));
        if (previous != null) {
            takeInto(slice, keys.tailSet(previous, false), count);
        }
        takeInto(slice, previous == null ? keys : keys.headSet(previous, true), count);
        return slice;
    }

    private static void takeInto(List<String> slice, Collection<String> from, int count) {
        for (String key : from) {
            if (slice.size() == count) {
                return;
            }
            slice.add(key);
        }
    }

    SortedSet<String> all() {
        return Collections.unmodifiableSortedSet(keys);
    }

    void clear() {
        keys.clear();
        perSlo.clear();
    }
}
