/**
 * Backtest over recorded events: {@link dev.slopipeline.streams.replay.Replay#run} runs the streams
 * topology's own processors in process ({@code InProcessTopology}: the processors as
 * {@code topology.SloProcessors} makes them, wired as {@code SloTopology} wires them, on in-memory stores and a
 * replay clock that fires their punctuators as a Kafka Streams task does) over JSON-lines files in event-time order,
 * the wall clock following event time, and prints alert transitions (one JSON object a line, the {@code slo.alerts}
 * contract) and a {@link dev.slopipeline.streams.replay.ReplaySummary}. Same input, same bytes, and the same bytes
 * as the built topology in Kafka's test driver (the tests compare them).
 */
package dev.slopipeline.streams.replay;
