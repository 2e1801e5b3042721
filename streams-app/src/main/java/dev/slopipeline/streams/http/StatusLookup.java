package dev.slopipeline.streams.http;

/** What asking for one SLO's status found. */
public sealed interface StatusLookup permits StatusLookup.Found, StatusLookup.Missing, StatusLookup.Unavailable {

    /** @param json the status as the topology stored it */
    record Found(byte[] json) implements StatusLookup {
    }

    /** No status for that name: no such SLO, or no event for it yet. */
    record Missing() implements StatusLookup {
    }

    /** Cannot tell right now (a rebalance, an instance not answering); asking again later may work. */
    record Unavailable(String reason) implements StatusLookup {
    }
}
