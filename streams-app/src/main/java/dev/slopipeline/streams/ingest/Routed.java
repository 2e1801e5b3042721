package dev.slopipeline.streams.ingest;

/** What the decode-and-classify step hands on: a refused record, or an input for one SLO. */
public sealed interface Routed permits DeadLetter, SloInput {
}
