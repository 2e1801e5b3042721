package dev.slopipeline.streams.replay;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.slopipeline.definitions.event.EventCodec;
import dev.slopipeline.definitions.event.HealthEvent;
import dev.slopipeline.definitions.event.RequestEvent;
import dev.slopipeline.kit.result.Decoded;
import java.io.IOException;
import java.util.function.IntFunction;

/**
 * One run of recorded lines decoded: each line's kind and time, and its request event; runs of lines decode side by
 * side, each writing only its own lines' places in the shared arrays. A line with a top-level {@code check} field is a
 * health event, any other a request event. A line the codec refuses gets {@link #NO_TIME}, to take the time of the
 * line before it once every run is done.
 */
final class LineDecoding implements Runnable {

    /** The time of a refused line, and of a first line that the codec refuses. */
    static final long NO_TIME = Long.MIN_VALUE;

    private final JsonFactory json = new JsonFactory();
    private final EventCodec codec = new EventCodec();
    private final IntFunction<byte[]> lines;
    private final int from;
    private final int to;
    private final long[] times;
    private final byte[] kinds;
    private final DecodedRequests requests;

    /** Decodes lines {@code from} to {@code to} (exclusive) into their places in {@code times} and {@code kinds}. */
    LineDecoding(IntFunction<byte[]> lines, int from, int to, long[] times, byte[] kinds) {
        this.lines = lines;
        this.from = from;
        this.to = to;
        this.times = times;
        this.kinds = kinds;
        this.requests = new DecodedRequests(from);
    }

    @Override
    public void run() {
        for (int index = from; index < to; index++) {
            byte[] line = lines.apply(index);
            if (hasTopLevelCheck(line)) {
                kinds[index] = RecordedEvents.HEALTH;
                times[index] = codec.decodeHealth(line) instanceof Decoded.Ok<HealthEvent> ok
                        ? ok.value().timestamp().toEpochMilli() : NO_TIME;
            } else {
                kinds[index] = RecordedEvents.REQUEST;
                if (codec.decodeRequest(line) instanceof Decoded.Ok<RequestEvent> ok) {
                    requests.put(index, ok.value());
                    times[index] = ok.value().timestamp().toEpochMilli();
                } else {
                    times[index] = NO_TIME;
                }
            }
        }
    }

    /** How many lines this run decodes. */
    int length() {
        return to - from;
    }

    /** The request event of one of this run's lines; null for a health line or a line the codec refuses. */
    RequestEvent request(int index) {
        return requests.get(index);
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
}
