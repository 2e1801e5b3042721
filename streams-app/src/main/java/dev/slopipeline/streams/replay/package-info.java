/**
 * Backtest over recorded events: {@link dev.slopipeline.streams.replay.Replay#run} runs the streams
 * topology in a {@code TopologyTestDriver} over JSON-lines files in event-time order, the wall clock
 * following event time, and prints alert transitions (one JSON object a line, the {@code slo.alerts}
 * contract) and a {@link dev.slopipeline.streams.replay.ReplaySummary}. Same input, same bytes.
 */
package dev.slopipeline.streams.replay;
