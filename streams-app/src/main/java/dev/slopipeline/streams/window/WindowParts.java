package dev.slopipeline.streams.window;

import dev.slopipeline.streams.store.Part;
import dev.slopipeline.streams.store.PartSink;
import java.util.List;
import java.util.Optional;

/**
 * The state-store form of {@link SloWindows}: one header part and one part per closed bucket slot,
 * so that a record costs a put of the header (about a hundred bytes) and, when a minute closes, one
 * put per ring, instead of the whole object (thousands of buckets).
 *
 * <p>The header holds everything but the closed slots: the plan, the latest time, the late events,
 * each ring's open bucket and every window's sum. An empty slot has no part. Slot positions follow from
 * the watermark and the plan, so a slot part is the same key for the life of the ring. The newest
 * slot's part is stale by design (the header holds that bucket) and is ignored on rebuild; it is
 * written when the bucket closes.
 *
 * <p>Which parts to write is what the windows' {@link WindowChanges} noted; what their bytes are,
 * {@link WindowCodec}'s.
 */
public final class WindowParts {

    private WindowParts() {
    }

    /** Writes every part changed since the last call: the header, and slots that changed and are closed. */
    public static void drainChanges(SloWindows windows, PartSink sink) {
        WindowChanges changes = windows.changes();
        if (!changes.takeAny()) {
            return;
        }
        sink.put(WindowCodec.headerName(), WindowCodec.header(windows));
        List<BucketRing> rings = windows.rings();
        for (int ringIndex = 0; ringIndex < rings.size(); ringIndex++) {
            BucketRing ring = rings.get(ringIndex);
            int newest = ring.newestSlot();
            WindowChanges.Slots changed = changes.ring(ringIndex);
            for (int i = 0; i < changed.count(); i++) {
                int slot = changed.get(i);
                if (slot == newest) {
                    continue; // open: the header holds it until it closes
                }
                Tally tally = ring.slot(slot);
                byte[] part = WindowCodec.slotName(ringIndex, slot);
                if (tally.isZero()) {
                    sink.delete(part);
                } else {
                    sink.put(part, WindowCodec.slot(tally));
                }
            }
            changed.clear();
        }
    }

    /** Takes the changes since the last call without writing them, for windows whose parts no store keeps. */
    public static void forgetChanges(SloWindows windows) {
        WindowChanges changes = windows.changes();
        if (!changes.takeAny()) {
            return;
        }
        for (int ringIndex = 0; ringIndex < windows.rings().size(); ringIndex++) {
            changes.ring(ringIndex).clear();
        }
    }

    /**
     * The state the parts describe, or empty when there are none.
     *
     * @throws IllegalArgumentException when the parts do not form a state of this version
     */
    public static Optional<SloWindows> rebuild(List<Part> parts) {
        Optional<Part> header = parts.stream().filter(p -> WindowCodec.isHeader(p.name())).findFirst();
        if (header.isEmpty()) {
            if (!parts.isEmpty()) {
                throw new IllegalArgumentException("window state has " + parts.size() + " slots but no header");
            }
            return Optional.empty();
        }
        SloWindows state = WindowCodec.readHeader(header.get().value());
        List<BucketRing> rings = state.rings();
        for (Part entry : parts) {
            if (entry == header.get()) {
                continue;
            }
            WindowCodec.SlotName name = WindowCodec.readSlotName(entry.name());
            int ringIndex = name.ring();
            int slot = name.slot();
            if (ringIndex < 0 || ringIndex >= rings.size() || slot >= rings.get(ringIndex).capacity()) {
                throw new IllegalArgumentException("window state has slot " + slot + " of ring " + ringIndex
                        + ", which its plan does not hold");
            }
            BucketRing ring = rings.get(ringIndex);
            if (slot != ring.newestSlot()) {
                ring.restoreSlot(slot, WindowCodec.readSlot(entry.value()));
            }
        }
        return Optional.of(state);
    }
}
