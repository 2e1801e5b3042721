/**
 * The streams topology: {@link dev.slopipeline.streams.topology.SloTopology#build} turns a
 * {@link dev.slopipeline.streams.topology.TopologyConfig} into a {@code Topology} that the
 * application, replay and the tests all run.
 *
 * <p>What happens to an event, and where each decision is documented:
 * <ol>
 *   <li>{@code decode-and-classify} ({@code ingest.DecodeAndClassify}): strict decoding; a refused
 *       record goes to the dead-letter topic unchanged, with headers {@code slo.dlq.reason},
 *       {@code slo.dlq.topic}, {@code slo.dlq.partition}, {@code slo.dlq.offset}; a good one becomes
 *       one input per SLO it counts for (and, for health events, one context input per SLO whose
 *       matchers name its service), keyed by SLO name. In the application the counts are first summed
 *       per SLO, minute and contributor in the store {@code slo-pre-sums} and handed on every 100 ms
 *       ({@code ingest.PreSums}, {@code TopologyConfig.preSumInterval}), so far fewer records cross the
 *       repartition; the store's changelog keeps that exactly-once.</li>
 *   <li>{@code slo-counts}: the repartition by SLO name, so each SLO lives on one task.</li>
 *   <li>{@code aggregate-and-evaluate} ({@code aggregate.AggregateAndEvaluate}): event-time windows,
 *       alert pairs, transitions to {@code slo.alerts} in the alert contract, statuses to
 *       {@code slo.status} and the store {@code slo-status} that the HTTP API queries (see
 *       {@code status.StatusCodec}); when an SLO is judged, how state is kept
 *       part by part, and what a changed or removed definition does.</li>
 *   <li>The definitions topic feeds a global store of YAML texts ({@code reload.LiveDefinitions}):
 *       overlaid on the folder's definitions, parsed lazily, the last good set kept on errors.</li>
 * </ol>
 */
package dev.slopipeline.streams.topology;
