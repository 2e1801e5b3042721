package dev.slopipeline.streams.window;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slopipeline.definitions.model.SloWindow;
import dev.slopipeline.streams.store.Part;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Version 1 of the stored parts, to the byte. A task that takes over restores an SLO from a changelog
 * that an earlier build wrote, so what is written must not drift and what was written must still read.
 * The expected parts were recorded once from the traffic below and are never to be regenerated: a
 * change that breaks them needs a new version, read beside this one.
 */
class WindowPartsFormatTest {

    private static final HexFormat HEX = HexFormat.of();

    record Event(String time, long good, long bad) {
    }

    record Case(String name, WindowPlan plan, String start, List<Event> events, Map<String, String> parts) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                new Case("occurrences, rolling 3d, across an hour",
                        new WindowPlan(new SliUnit.Events(), WindowPlan.DEFAULT_GRACE,
                                List.of(Duration.ofMinutes(5), Duration.ofDays(1)), new SloWindow.Rolling(Duration.ofDays(3))),
                        "2026-03-02T10:58:00Z",
                        List.of(new Event("2026-03-02T10:58:10Z", 40, 1),
                                new Event("2026-03-02T10:59:30Z", 7, 3),
                                new Event("2026-03-02T11:00:05Z", 300, 0),
                                new Event("2026-03-02T10:59:50Z", 0, 2),
                                new Event("2026-03-02T10:57:59Z", 5, 5),
                                new Event("2026-03-02T11:01:00Z", 1_000_000_000L, 129)),
                        Map.of(
                                "68", "0100020305a00be02100e0210000019cae3561e00a8094ebdc03810100ac96ebdc03810100ac96ebdc03810100"
                                        + "db96ebdc03870100db96ebdc03870100db96ebdc03870100",
                                "73000000", "ac020000",
                                "73000003", "280100",
                                "73000004", "070500",
                                "7301008d", "2f0600",
                                "73020022", "2f0600")),
                new Case("timeslices 95 %, calendar week in Berlin, grace 3m",
                        new WindowPlan(new SliUnit.Minutes(0.95), Duration.ofMinutes(3),
                                List.of(Duration.ofMinutes(5), Duration.ofHours(12)),
                                new SloWindow.Calendar(SloWindow.CalendarPeriod.WEEK, ZoneId.of("Europe/Berlin"))),
                        "2026-03-02T10:08:00Z",
                        List.of(new Event("2026-03-02T10:08:10Z", 40, 1),
                                new Event("2026-03-02T10:09:30Z", 7, 3),
                                new Event("2026-03-02T10:10:05Z", 300, 0),
                                new Event("2026-03-02T10:08:50Z", 0, 20),
                                new Event("2026-03-02T10:06:59Z", 5, 5),
                                new Event("2026-03-02T10:11:00Z", 1, 0)),
                        Map.of(
                                "68", "01013fee666666666666030205d00501000d4575726f70652f4265726c696e0000019cae079b200a0100000200ab02"
                                        + "0202f0020202f0020202f002",
                                "73000000", "ac020000",
                                "73000003", "281500",
                                "73000004", "070300",
                                "7301003a", "000245")))
                .map(Arguments::of);
    }

    private static SloWindows fed(Case c) {
        SloWindows windows = SloWindows.startAt(c.plan(), Instant.parse(c.start()));
        for (Event event : c.events()) {
            windows.record(Instant.parse(event.time()), event.good(), event.bad());
        }
        return windows;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void shouldWriteTheVersionOnePartsToTheByte(Case c) {
        StoredParts store = new StoredParts();
        SloWindows windows = SloWindows.startAt(c.plan(), Instant.parse(c.start()));
        store.drain(windows);
        for (Event event : c.events()) {
            windows.record(Instant.parse(event.time()), event.good(), event.bad());
            store.drain(windows);
        }

        assertThat(hex(store.list())).isEqualTo(c.parts());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void shouldReadVersionOnePartsWrittenByAnEarlierBuild(Case c) {
        List<Part> parts = new ArrayList<>();
        c.parts().forEach((name, value) -> parts.add(new Part(HEX.parseHex(name), HEX.parseHex(value))));
        SloWindows live = fed(c);

        SloWindows rebuilt = WindowParts.rebuild(parts).orElseThrow();

        assertThat(rebuilt.plan()).isEqualTo(c.plan());
        assertThat(rebuilt.latest()).isEqualTo(live.latest());
        assertThat(rebuilt.lateEvents()).isEqualTo(live.lateEvents()).isPositive();
        assertThat(rebuilt.sums()).isEqualTo(live.sums());
        assertThat(rebuilt.buckets()).isEqualTo(live.buckets());
    }

    private static Map<String, String> hex(List<Part> parts) {
        Map<String, String> hex = new TreeMap<>();
        for (Part part : parts) {
            hex.put(HEX.formatHex(part.name()), HEX.formatHex(part.value()));
        }
        return hex;
    }
}
