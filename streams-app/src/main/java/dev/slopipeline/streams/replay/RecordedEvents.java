package dev.slopipeline.streams.replay;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.slopipeline.kit.result.Decoded;
import dev.slopipeline.definitions.event.EventCodec;
import dev.slopipeline.definitions.event.HealthEvent;
import dev.slopipeline.definitions.event.RequestEvent;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Recorded events from JSON-lines files, held compactly and handed out in event-time order.
 *
 * <p>Each non-blank line is one event; a line with a top-level {@code check} field is a health event,
 * any other a request event. A line the codec refuses keeps the time of the line before it in its
 * file (the start of time for a first line), so it reaches the dead-letter path where it was recorded.
 * The order is stable: events of equal time keep file order, files the order given.
 *
 * <p>Memory: the lines' bytes in 16 MB blocks plus 21 bytes per event, and 44 bytes per request event decoded
 * ({@link DecodedRequests}), so about the size of the input plus 50 %: 2 M events of 150 bytes take some 450 MB,
 * within the default heap of a machine with 2 GB or more; the limit is the JVM's heap (-Xmx).
 */
final class RecordedEvents {

    static final byte REQUEST = 0;
    static final byte HEALTH = 1;
    private static final int BLOCK = 16 << 20;

    private final JsonFactory json = new JsonFactory();
    private final EventCodec codec = new EventCodec();
    private byte[][] blocks = new byte[0][];
    private int blockUsed = BLOCK;
    private long[] times = new long[1024];
    private long[] places = new long[1024];
    private int[] lengths = new int[1024];
    private byte[] kinds = new byte[1024];
    /** Each request line as the codec decoded it when it was read, so that the replay does not decode it again. */
    private final DecodedRequests requests = new DecodedRequests();
    private int count;
    private int[] order;

    /** Reads every file, in the order given. */
    static RecordedEvents read(List<Path> files) throws IOException {
        RecordedEvents events = new RecordedEvents();
        for (Path file : files) {
            try (InputStream in = Files.newInputStream(file)) {
                events.readLines(in);
            }
        }
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
        return requests.get(index);
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
        long previousTime = Long.MIN_VALUE;
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
                    previousTime = endLine(line, length, previousTime);
                    length = 0;
                }
                from = end + 1;
            }
        }
        endLine(line, length, previousTime);
    }

    private long endLine(byte[] line, int length, long previousTime) {
        int end = length > 0 && line[length - 1] == '\r' ? length - 1 : length;
        return isBlank(line, end) ? previousTime : add(Arrays.copyOf(line, end), previousTime);
    }

    /** Adds one line; returns its time, or the previous line's when it has none. */
    private long add(byte[] line, long previousTime) {
        if (count == times.length) {
            int capacity = count * 2;
            times = Arrays.copyOf(times, capacity);
            places = Arrays.copyOf(places, capacity);
            lengths = Arrays.copyOf(lengths, capacity);
            kinds = Arrays.copyOf(kinds, capacity);
        }
        byte kind = hasTopLevelCheck(line) ? HEALTH : REQUEST;
        long time = kind == HEALTH ? healthTime(line, previousTime) : requestTime(line, previousTime);
        times[count] = time;
        places[count] = store(line);
        lengths[count] = line.length;
        kinds[count] = kind;
        count++;
        return time;
    }

    /** Keeps the decoded event of the line being added. */
    private long requestTime(byte[] line, long previousTime) {
        if (codec.decodeRequest(line) instanceof Decoded.Ok<RequestEvent> ok) {
            requests.put(count, ok.value());
            return ok.value().timestamp().toEpochMilli();
        }
        return previousTime;
    }

    private long healthTime(byte[] line, long previousTime) {
        Decoded<HealthEvent> decoded = codec.decodeHealth(line);
        return decoded instanceof Decoded.Ok<HealthEvent> ok ? ok.value().timestamp().toEpochMilli() : previousTime;
    }

    /** Whether the line is a JSON object with a {@code check} field at its top level; anything unreadable is not. */
    private boolean hasTopLevelCheck(byte[] line) {
        if (!mayNameCheck(line)) {
            return false;
        }
        try (JsonParser parser = json.createParser(line)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return false;
            }
            for (JsonToken token = parser.nextToken(); token == JsonToken.FIELD_NAME; token = parser.nextToken()) {
                if ("check".equals(parser.currentName())) {
                    return true;
                }
                parser.nextToken();
                parser.skipChildren();
            }
            return false;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * False when no field of the line can be named {@code check}: it holds neither {@code "check"} nor a backslash
     * (with which a name can be written in escapes). Most lines are requests, and this spares parsing them twice.
     */
    private static boolean mayNameCheck(byte[] line) {
        for (int i = 0; i < line.length; i++) {
            byte b = line[i];
            if (b == '\\' || (b == '"' && i + 6 < line.length && line[i + 1] == 'c' && line[i + 2] == 'h' && line[i + 3] == 'e'
                    && line[i + 4] == 'c' && line[i + 5] == 'k' && line[i + 6] == '"')) {
                return true;
            }
        }
        return false;
    }

    private long store(byte[] line) {
        if (blockUsed + line.length > BLOCK || blocks.length == 0) {
            blocks = Arrays.copyOf(blocks, blocks.length + 1);
            blocks[blocks.length - 1] = new byte[Math.max(BLOCK, line.length)];
            blockUsed = 0;
        }
        int block = blocks.length - 1;
        System.arraycopy(line, 0, blocks[block], blockUsed, line.length);
        long place = ((long) block << 32) | blockUsed;
        blockUsed += line.length;
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
