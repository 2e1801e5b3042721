package dev.slopipeline.streams.replay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slopipeline.definitions.event.EventCodec;
import dev.slopipeline.definitions.event.RequestEvent;
import dev.slopipeline.kit.result.Decoded;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordedEventsTest {

    @TempDir
    Path folder;

    private static final String REQUEST_AT_2 = "{\"timestamp\":\"2026-03-02T00:00:02Z\",\"service\":\"a\",\"operation\":\"x\",\"status\":200}";
    private static final String HEALTH_AT_1 = "{\"service\":\"a\",\"timestamp\":1772409601000,\"check\":\"ping\",\"status\":\"pass\"}";
    private static final String REQUEST_AT_1 = "{\"timestamp\":\"2026-03-02T00:00:01Z\",\"service\":\"a\",\"operation\":\"y\",\"status\":200,"
            + "\"attributes\":{\"check\":\"not top level\"}}";

    private static List<String> inOrder(RecordedEvents events) {
        List<String> lines = new ArrayList<>();
        for (int rank = 0; rank < events.size(); rank++) {
            int index = events.index(rank);
            lines.add((events.kind(index) == RecordedEvents.HEALTH ? "health " : "request ")
                    + new String(events.bytes(index), StandardCharsets.UTF_8));
        }
        return lines;
    }

    @Test
    void shouldTellKindsApartAndOrderByEventTimeKeepingFileOrderForTies() throws IOException {
        Path first = Files.writeString(folder.resolve("a.jsonl"), REQUEST_AT_2 + "\r\n\n  \n" + HEALTH_AT_1 + "\n");
        Path second = Files.writeString(folder.resolve("b.jsonl"), REQUEST_AT_1 + "\nbroken line");

        RecordedEvents events = RecordedEvents.read(List.of(first, second));

        assertThat(inOrder(events)).containsExactly(
                "health " + HEALTH_AT_1,
                "request " + REQUEST_AT_1,
                "request broken line",
                "request " + REQUEST_AT_2);
    }

    @Test
    void shouldTellAHealthEventWhoseCheckIsNamedInEscapes() throws IOException {
        String escaped = HEALTH_AT_1.replace("\"check\"", "\"\\u0063heck\"");
        Path file = Files.writeString(folder.resolve("escaped.jsonl"), REQUEST_AT_2 + "\n" + escaped + "\n");

        RecordedEvents events = RecordedEvents.read(List.of(file));

        assertThat(inOrder(events)).containsExactly("health " + escaped, "request " + REQUEST_AT_2);
    }

    @Test
    void shouldKeepLinesWholeAcrossTheBlocksAFileIsReadIn() throws IOException {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            // lines of varying length, so that one ends just before, at and after each block boundary
            lines.add(REQUEST_AT_1.replace("\"y\"", "\"" + "y".repeat(i % 97) + "\""));
        }
        lines.add("x".repeat(70_000));
        Path file = Files.write(folder.resolve("long.jsonl"), lines);

        RecordedEvents events = RecordedEvents.read(List.of(file));

        assertThat(inOrder(events)).containsExactlyElementsOf(lines.stream().map(line -> "request " + line).toList());
    }

    @Test
    void shouldHandOutEachRequestEqualToWhatTheCodecDecodes() throws IOException {
        String precise = REQUEST_AT_2.replace("02Z", "02.123456789Z").replace("\"status\":200", "\"status\":503,\"latency_ms\":12.5,\"count\":7");
        String sameNames = REQUEST_AT_1.replace("not top level", "other value");
        Path file = Files.writeString(folder.resolve("decoded.jsonl"),
                String.join("\n", REQUEST_AT_2, precise, HEALTH_AT_1, "{\"timestamp\":1}", REQUEST_AT_1, sameNames));

        RecordedEvents events = RecordedEvents.read(List.of(file));

        EventCodec codec = new EventCodec();
        for (int index = 0; index < events.size(); index++) {
            byte[] line = events.bytes(index);
            boolean request = events.kind(index) == RecordedEvents.REQUEST;
            if (request && codec.decodeRequest(line) instanceof Decoded.Ok<RequestEvent> ok) {
                assertThat(events.request(index)).as("line %d", index).isEqualTo(ok.value());
            } else {
                assertThat(events.request(index)).as("line %d", index).isNull();
            }
        }
        assertThat(events.request(1).timestamp()).isEqualTo(Instant.parse("2026-03-02T00:00:02.123456789Z"));
    }

    @Test
    void shouldOrderAndDecodeAlikeOnOneThreadOrMany() throws IOException {
        List<String> first = new ArrayList<>();
        List<String> second = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            String at = "2026-03-02T00:%02d:%02dZ".formatted((i * 7) % 60, i % 60);
            List<String> lines = i % 2 == 0 ? first : second;
            // refused lines now and then, some of them first in a file or in a thread's share of the lines
            lines.add(i % 13 == 0 || i == 1 ? "refused " + i : i % 17 == 0
                    ? HEALTH_AT_1.replace("1772409601000", Long.toString(1772409601000L + i * 1000L))
                    : REQUEST_AT_2.replace("2026-03-02T00:00:02Z", at).replace("\"x\"", "\"op-" + i % 5 + "\""));
        }
        List<Path> files = List.of(Files.write(folder.resolve("first.jsonl"), first),
                Files.write(folder.resolve("second.jsonl"), second));

        RecordedEvents alone = RecordedEvents.read(files, lines -> 1);
        RecordedEvents side = RecordedEvents.read(files, lines -> 7);

        assertThat(inOrder(side)).containsExactlyElementsOf(inOrder(alone));
        for (int index = 0; index < alone.size(); index++) {
            assertThat(side.time(index)).as("line %d", index).isEqualTo(alone.time(index));
            assertThat(side.request(index)).as("line %d", index).isEqualTo(alone.request(index));
        }
    }

    @Test
    void shouldSortLargeInputsStably() {
        long[] keys = new long[100_000];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = (i * 7919L) % 1000;
        }

        int[] order = StableOrder.byTime(keys, keys.length);

        for (int i = 1; i < order.length; i++) {
            long previous = keys[order[i - 1]];
            long current = keys[order[i]];
            assertThat(previous < current || previous == current && order[i - 1] < order[i]).as("position %d", i).isTrue();
        }
    }
}
