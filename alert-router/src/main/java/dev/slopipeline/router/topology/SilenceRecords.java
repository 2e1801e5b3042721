package dev.slopipeline.router.topology;

import dev.slopipeline.router.routing.silence.Silence;
import dev.slopipeline.router.routing.silence.SilencesCodec;
import java.util.List;

/**
 * One silence per record of the compacted {@code router.silences} topic: key = silence id, value = the silence in
 * {@link SilencesCodec}'s snapshot format holding exactly that silence
 * ({@code {"version":1,"silences":[{"id":…,"matchers":[…],"startsAt":…,"endsAt":…,"updatedAt":…,"createdBy":…,
 * "comment":…}]}}); a tombstone once the silence is forgotten. Reusing the snapshot format keeps one JSON shape for
 * a silence wherever it is stored. Thread-safe.
 */
final class SilenceRecords {

    private final SilencesCodec codec = new SilencesCodec();

    byte[] encode(Silence silence) {
        return codec.encode(List.of(silence));
    }

    /** @throws IllegalArgumentException if the value is not one silence */
    Silence decode(byte[] value) {
        List<Silence> silences = codec.decode(value);
        if (silences.size() != 1) {
            throw new IllegalArgumentException("a router.silences record holds exactly one silence, this one holds "
                    + silences.size());
        }
        return silences.get(0);
    }
}
