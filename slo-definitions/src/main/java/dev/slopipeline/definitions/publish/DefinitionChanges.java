package dev.slopipeline.definitions.publish;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * How a topic's definitions differ from a set about to be applied, by record key. A value counts as changed
 * when its text differs at all, the {@code # from} line included: the record on the topic should always
 * say where its document now lives.
 */
public final class DefinitionChanges {

    private final Map<String, String> desired;
    private final List<String> added = new ArrayList<>();
    private final List<String> changed = new ArrayList<>();
    private final List<String> unchanged = new ArrayList<>();
    private final List<String> removed = new ArrayList<>();

    private DefinitionChanges(Map<String, String> current, Map<String, String> desired) {
        this.desired = new TreeMap<>(desired);
        TreeSet<String> keys = new TreeSet<>(current.keySet());
        keys.addAll(desired.keySet());
        for (String key : keys) {
            String now = current.get(key);
            String wanted = desired.get(key);
            if (wanted == null) {
                removed.add(key);
            } else if (now == null) {
                added.add(key);
            } else if (now.equals(wanted)) {
                unchanged.add(key);
            } else {
                changed.add(key);
            }
        }
    }

    /** @param current the topic's live values by key (tombstoned keys absent); {@code desired} likewise */
    public static DefinitionChanges between(Map<String, String> current, Map<String, String> desired) {
        return new DefinitionChanges(current, desired);
    }

    public List<String> added() {
        return List.copyOf(added);
    }

    public List<String> changed() {
        return List.copyOf(changed);
    }

    public List<String> unchanged() {
        return List.copyOf(unchanged);
    }

    /** On the topic but not in the set: tombstoned only when pruning. */
    public List<String> removed() {
        return List.copyOf(removed);
    }

    /** The records to send: added and changed documents, and with {@code prune} a tombstone per removed key. */
    public List<DefinitionRecord> writes(boolean prune) {
        List<DefinitionRecord> writes = new ArrayList<>();
        added.forEach(key -> writes.add(new DefinitionRecord(key, desired.get(key))));
        changed.forEach(key -> writes.add(new DefinitionRecord(key, desired.get(key))));
        if (prune) {
            removed.forEach(key -> writes.add(DefinitionRecord.tombstone(key)));
        }
        return writes;
    }

    /**
     * One line per key, then a count line, for a person deciding whether to apply:
     * {@code added SLO/checkout-availability}; a removed key without {@code prune} says that it stays.
     */
    public List<String> describe(boolean prune) {
        List<String> lines = new ArrayList<>();
        added.forEach(key -> lines.add("added     " + key));
        changed.forEach(key -> lines.add("changed   " + key));
        unchanged.forEach(key -> lines.add("unchanged " + key));
        removed.forEach(key -> lines.add(prune ? "removed   " + key : "kept      " + key + " (not in the files; --prune removes it)"));
        lines.add(summary(prune));
        return lines;
    }

    /** {@code 1 added, 0 changed, 12 unchanged, 0 removed} */
    public String summary(boolean prune) {
        return String.format("%d added, %d changed, %d unchanged, %d %s", added.size(), changed.size(),
                unchanged.size(), removed.size(), prune ? "removed" : "not in the files (kept)");
    }
}
