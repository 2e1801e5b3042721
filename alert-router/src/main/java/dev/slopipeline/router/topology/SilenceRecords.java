package dev.slopipeline.router.topology;

import dev.slopipeline.router.routing.silence.Silence;
import dev.slopipeline.router.routing.silence.SilencesCodec;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One silence per record of the compacted {@code router.silences} topic: key = silence id, value = the silence in
 * {@link SilencesCodec}'s snapshot format holding exactly that silence
 * ({@code {"version":1,"silences":[{"id":…,"matchers":[…],"startsAt":…,"endsAt":…,"updatedAt":…,"createdBy":…,
 * "comment":…}]}}); a tombstone once the silence is forgotten. Reusing the snapshot format keeps one JSON shape for
 * a silence wherever it is stored. Thread-safe.
 */
final class SilenceRecords {

    private static final Logger LOG = LoggerFactory.getLogger(SilenceRecords.class);

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

    /**
     * The silence, or empty with a warning when this version cannot read the record: one stored by an older version
     * whose regex RE2 refuses, say ({@code \\h}, {@code (?x)}). Such a silence silences nothing; stopping the router
     * over it would hold back every page.
     */
    Optional<Silence> decodeOrSkip(String id, byte[] value) {
        try {
            return Optional.of(decode(value));
        } catch (IllegalArgumentException e) {
            LOG.warn("silence {} cannot be read and silences nothing: {}; expire it and create it again", id,
                    e.getMessage());
            return Optional.empty();
        }
    }
}
