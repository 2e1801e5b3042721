package dev.slopipeline.streams.replay;

/**
 * A stable sort of indexes by a key, on primitive arrays: millions of events sort in well under a
 * second without an object per event. Recorded files are mostly in order already, so a merge sort
 * that skips merging runs already in order does little more than one pass.
 */
final class StableOrder {

    private StableOrder() {
    }

    /** The indexes {@code 0..count-1} ordered by {@code keys}, equal keys in index order. */
    static int[] byTime(long[] keys, int count) {
        int[] order = new int[count];
        for (int i = 0; i < count; i++) {
            order[i] = i;
        }
        int[] buffer = new int[count];
        for (int width = 1; width < count; width *= 2) {
            for (int from = 0; from < count - width; from += 2 * width) {
                int middle = from + width;
                int to = Math.min(from + 2 * width, count);
                if (keys[order[middle - 1]] > keys[order[middle]]) {
                    merge(keys, order, buffer, from, middle, to);
                }
            }
        }
        return order;
    }

    private static void merge(long[] keys, int[] order, int[] buffer, int from, int middle, int to) {
        System.arraycopy(order, from, buffer, from, to - from);
        int left = from;
        int right = middle;
        for (int i = from; i < to; i++) {
            // <= keeps the left run first among equal keys: the sort is stable
            if (right >= to || (left < middle && keys[buffer[left]] <= keys[buffer[right]])) {
                order[i] = buffer[left++];
            } else {
                order[i] = buffer[right++];
            }
        }
    }
}
