package dev.slopipeline.streams.window;

import dev.slopipeline.streams.store.Part;
import dev.slopipeline.streams.store.PartSink;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A map standing in for a state store: the parts drained so far, and how many writes they took. */
final class StoredParts implements PartSink {

    private final Map<ByteBuffer, byte[]> parts = new TreeMap<>();
    int puts;
    int deletes;

    @Override
    public void put(byte[] part, byte[] value) {
        puts++;
        parts.put(ByteBuffer.wrap(part.clone()), value.clone());
    }

    @Override
    public void delete(byte[] part) {
        deletes++;
        parts.remove(ByteBuffer.wrap(part));
    }

    StoredParts drain(SloWindows windows) {
        WindowParts.drainChanges(windows, this);
        return this;
    }

    SloWindows rebuild() {
        return WindowParts.rebuild(list()).orElseThrow();
    }

    List<Part> list() {
        List<Part> list = new ArrayList<>();
        parts.forEach((name, value) -> list.add(new Part(name.array(), value)));
        return list;
    }

    /** Bytes a store would hold, every key carrying the SLO-name prefix {@code prefixLength} long. */
    int storedBytes(int prefixLength) {
        int bytes = 0;
        for (Map.Entry<ByteBuffer, byte[]> entry : parts.entrySet()) {
            bytes += prefixLength + entry.getKey().remaining() + entry.getValue().length;
        }
        return bytes;
    }

    StoredParts copy() {
        StoredParts copy = new StoredParts();
        parts.forEach((name, value) -> copy.parts.put(name, value.clone()));
        return copy;
    }

    /** Every part as text, for comparing two stores. */
    Map<String, String> contents() {
        Map<String, String> contents = new TreeMap<>();
        parts.forEach((name, value) -> contents.put(Arrays.toString(name.array()), Arrays.toString(value)));
        return contents;
    }

    int size() {
        return parts.size();
    }

    void resetCounts() {
        puts = 0;
        deletes = 0;
    }
}
