package dev.slopipeline.streams.replay;

import dev.slopipeline.definitions.event.RequestEvent;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntUnaryOperator;

/**
 * Recorded events from JSON-lines files, held compactly and handed out in event-time order.
 *
 * <p>Each non-blank line is one event; a line with a top-level {@code check} field is a health event,
 * any other a request event. A line the codec refuses keeps the time of the line before it in its
 * file (the start of time for a first line), so it reaches the dead-letter path where it was recorded.
 * The order is stable: events of equal time keep file order, files the order given.
 *
 * <p>Memory: the lines' bytes in 16 MB blocks plus 25 bytes per event, and 44 bytes per request event decoded
 * ({@link DecodedRequests}), so about the size of the input plus 50 %: 2 M events of 150 bytes take some 450 MB,
 * within the default heap of a machine with 2 GB or more; the limit is the JVM's heap (-Xmx).
 */
final class RecordedEvents {

    static final byte REQUEST = 0;
    static final byte HEALTH = 1;
    private static final int BLOCK = 16 << 20;
    /** Fewer lines than this are decoded on the reading thread alone: another thread would cost more than it saves. */
    private static final int LINES_PER_THREAD = 1 << 16;

    private byte[][] blocks = new byte[0][];
    private int blockUsed = BLOCK;
    private long[] places = new long[1024];
    private int[] lengths = new int[1024];
    /** Where each file's lines start, in the order the files were read. */
    private int[] fileStarts = new int[0];
    private int count;
    private long[] times;
    private byte[] kinds;
    private List<LineDecoding> decoded;
    private int[] order;

    /**
     * Reads every file, in the order given, then decodes the lines: side by side on as many threads as there are
     * cores, as each line decodes on its own; only the time a refused line takes from the line before it waits until
     * all are decoded.
     */
    static RecordedEvents read(List<Path> files) throws IOException {
        int cores = Runtime.getRuntime().availableProcessors();
        return read(files, lines -> Math.max(1, Math.min(cores, lines / LINES_PER_THREAD)));
    }

    /** @param threads how many threads decode, given how many lines there are */
    static RecordedEvents read(List<Path> files, IntUnaryOperator threads) throws IOException {
        RecordedEvents events = new RecordedEvents();
        for (Path file : files) {
            events.fileStarts = Arrays.copyOf(events.fileStarts, events.fileStarts.length + 1);
            events.fileStarts[events.fileStarts.length - 1] = events.count;
            try (InputStream in = Files.newInputStream(file)) {
                events.readLines(in);
            }
        }
        events.decodeLines(Math.max(1, Math.min(threads.applyAsInt(events.count), events.count)));
        events.inheritTimesOfRefusedLines();
        events.order = StableOrder.byTime(events.times, events.count);
        return events;
    }

    int size() {
        return count;
    }

    /** The {@code rank}-th event in time order. */
    int index(int rank) {
        return order[rank];
    }

    long time(int index) {
        return times[index];
    }

    byte kind(int index) {
        return kinds[index];
    }

    /** The request event of a request line; null for a health line or a line the codec refuses. */
    RequestEvent request(int index) {
        return decoded.get(index / sliceLength()).request(index);
    }

    byte[] bytes(int index) {
        long place = places[index];
        int block = (int) (place >>> 32);
        int offset = (int) place;
        return Arrays.copyOfRange(blocks[block], offset, offset + lengths[index]);
    }

    private void readLines(InputStream in) throws IOException {
        byte[] chunk = new byte[1 << 16];
        byte[] line = new byte[4096];
        int length = 0;
        for (int read = in.read(chunk); read != -1; read = in.read(chunk)) {
            int from = 0;
            while (from < read) {
                int end = from;
                while (end < read && chunk[end] != '\n') {
                    end++;
                }
                // the line so far is copied whole, not byte by byte
                if (length + end - from > line.length) {
                    line = Arrays.copyOf(line, Math.max(line.length * 2, length + end - from));
                }
                System.arraycopy(chunk, from, line, length, end - from);
                length += end - from;
                if (end < read) {
                    endLine(line, length);
                    length = 0;
                }
                from = end + 1;
            }
        }
        endLine(line, length);
    }

    private void endLine(byte[] line, int length) {
        int end = length > 0 && line[length - 1] == '\r' ? length - 1 : length;
        if (isBlank(line, end)) {
            return;
        }
        if (count == places.length) {
            int capacity = count * 2;
            places = Arrays.copyOf(places, capacity);
            lengths = Arrays.copyOf(lengths, capacity);
        }
        places[count] = store(line, end);
        lengths[count] = end;
        count++;
    }

    private void decodeLines(int threads) {
        times = new long[count];
        kinds = new byte[count];
        int slice = (count + threads - 1) / threads;
        decoded = new ArrayList<>();
        for (int from = 0; from < count || decoded.isEmpty(); from += slice) {
            decoded.add(new LineDecoding(this::bytes, from, Math.min(count, from + slice), times, kinds));
        }
        if (decoded.size() == 1) {
            decoded.get(0).run();
            return;
        }
        ExecutorService helpers = Executors.newFixedThreadPool(decoded.size() - 1);
        try {
            List<Future<?>> running = decoded.subList(1, decoded.size()).stream().map(helpers::submit).toList();
            decoded.get(0).run();
            for (Future<?> run : running) {
                run.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while decoding the recorded events", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("decoding the recorded events failed", e.getCause());
        } finally {
            helpers.shutdownNow();
        }
    }

    private int sliceLength() {
        return decoded.get(0).length();
    }

    /** A refused line keeps the time of the line before it in its file, the start of time for a first line. */
    private void inheritTimesOfRefusedLines() {
        int file = 0;
        long previous = LineDecoding.NO_TIME;
        for (int index = 0; index < count; index++) {
            while (file < fileStarts.length && fileStarts[file] == index) {
                previous = LineDecoding.NO_TIME;
                file++;
            }
            if (times[index] == LineDecoding.NO_TIME) {
                times[index] = previous;
            }
            previous = times[index];
        }
    }

    private long store(byte[] line, int length) {
        if (blockUsed + length > BLOCK || blocks.length == 0) {
            blocks = Arrays.copyOf(blocks, blocks.length + 1);
            blocks[blocks.length - 1] = new byte[Math.max(BLOCK, length)];
            blockUsed = 0;
        }
        int block = blocks.length - 1;
        System.arraycopy(line, 0, blocks[block], blockUsed, length);
        long place = ((long) block << 32) | blockUsed;
        blockUsed += length;
        return place;
    }

    private static boolean isBlank(byte[] line, int end) {
        for (int i = 0; i < end; i++) {
            if (line[i] != ' ' && line[i] != '\t') {
                return false;
            }
        }
        return true;
    }
}
