package dev.slopipeline.streams.aggregate;

import dev.slopipeline.definitions.model.SeriesKey;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The SLO series with state in one task, loaded or not, by the text of their keys: sorted, so that punctuations run
 * in a stable order, and counted per SLO, so that a split SLO's {@code maxSeries} costs no scan.
 */
final class OwnedSeries {

    private final SortedSet<String> keys = new TreeSet<>();
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

    /** A copy, safe to walk while series come and go. */
    List<String> snapshot() {
        return List.copyOf(keys);
    }

    SortedSet<String> all() {
        return Collections.unmodifiableSortedSet(keys);
    }

    void clear() {
        keys.clear();
        perSlo.clear();
    }
}
