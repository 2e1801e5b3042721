package dev.slopipeline.router.topology;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slopipeline.router.routing.matcher.MatchType;
import dev.slopipeline.router.routing.matcher.Matcher;
import dev.slopipeline.router.routing.matcher.Matchers;
import dev.slopipeline.router.routing.silence.Silence;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.junit.jupiter.api.Test;

class SilenceViewTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private final SilenceRecords records = new SilenceRecords();

    @Test
    void shouldSkipASilenceThisVersionCannotReadAndKeepApplyingTheOthers() {
        Silence readable = silence(UUID.fromString("6f9619ff-8b86-d011-b42d-00c04fc964ff"), "checkout-.*");
        // as an older version stored it, before regexes RE2 refuses (here \h) were refused at creation
        byte[] unreadable = new String(records.encode(silence(UUID.fromString("00000000-0000-4000-8000-000000000002"),
                "search-x")), StandardCharsets.UTF_8).replace("search-x", "search\\\\h").getBytes(StandardCharsets.UTF_8);
        Map<String, byte[]> store = new TreeMap<>(Map.of(
                readable.id().toString(), records.encode(readable),
                "00000000-0000-4000-8000-000000000002", unreadable));
        SilenceView view = new SilenceView();

        view.refresh(new MapStore(store));
        view.refresh(new MapStore(store));

        assertThat(view.silences().all()).extracting(Silence::id).containsExactly(readable.id());
        assertThat(view.silences().isSilenced(Map.of("slo", "checkout-availability"), NOW)).isTrue();
        assertThat(view.silences().isSilenced(Map.of("slo", "search\th"), NOW)).isFalse();
    }

    private static Silence silence(UUID id, String sloRegex) {
        return new Silence(id, Matchers.of(List.of(Matcher.of(MatchType.REGEX, "slo", sloRegex))), NOW.minusSeconds(60),
                NOW.plusSeconds(3600), NOW.minusSeconds(60), "alice", "maintenance");
    }

    /** The read side of a key-value store, over a map. */
    private record MapStore(Map<String, byte[]> entries) implements ReadOnlyKeyValueStore<String, byte[]> {

        @Override
        public byte[] get(String key) {
            return entries.get(key);
        }

        @Override
        public KeyValueIterator<String, byte[]> range(String from, String to) {
            throw new UnsupportedOperationException("not used by the view");
        }

        @Override
        public KeyValueIterator<String, byte[]> all() {
            Iterator<Map.Entry<String, byte[]>> it = entries.entrySet().iterator();
            return new KeyValueIterator<>() {
                @Override
                public boolean hasNext() {
                    return it.hasNext();
                }

                @Override
                public KeyValue<String, byte[]> next() {
                    Map.Entry<String, byte[]> e = it.next();
                    return KeyValue.pair(e.getKey(), e.getValue());
                }

                @Override
                public void close() {
                }

                @Override
                public String peekNextKey() {
                    throw new UnsupportedOperationException("not used by the view");
                }
            };
        }

        @Override
        public long approximateNumEntries() {
            return entries.size();
        }
    }
}
