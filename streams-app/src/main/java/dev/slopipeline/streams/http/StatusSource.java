package dev.slopipeline.streams.http;

/** Where the status endpoints find SLO statuses: the state stores of one instance, or of all of them. */
public interface StatusSource {

    StatusLookup status(String slo);

    /** The SLO's history JSON ({@code status.HistoryCodec}), computed where its state lives. */
    StatusLookup history(String slo);

    StatusListing all();
}
