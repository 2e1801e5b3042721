package dev.slopipeline.streams.evaluate;

import java.time.Instant;
import java.util.List;

/** Where one severity of an SLO stands. */
public sealed interface SeverityStatus permits SeverityStatus.Ok, SeverityStatus.Firing, SeverityStatus.NoData {

    /** Not firing, with traffic in at least one long window. */
    record Ok() implements SeverityStatus {
    }

    /** @param pairsHolding fastest first; empty only in the minute before it resolves */
    record Firing(Instant since, List<String> pairsHolding) implements SeverityStatus {
        public Firing {
            pairsHolding = List.copyOf(pairsHolding);
        }
    }

    /** Not firing, and every long window of the severity's pairs is empty: the SLO's traffic stopped. */
    record NoData() implements SeverityStatus {
    }
}
