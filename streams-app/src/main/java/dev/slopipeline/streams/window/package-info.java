/**
 * Event-time windows of an SLO: what its rolling and calendar windows hold at the watermark, kept
 * exact in minute and coarser buckets, and kept in a state store part by part.
 *
 * <p>The package keeps three concerns apart, because they change for different reasons and are
 * checked in different ways:
 * <ul>
 *   <li><b>The math.</b> {@link dev.slopipeline.streams.window.WindowPlan} defines what each window
 *       covers; {@code BucketRing}, {@code SlidingSum} and {@code CalendarSum} keep the buckets and
 *       the running sums in plain arrays and values, and
 *       {@link dev.slopipeline.streams.window.SloWindows} routes events and watermark moves to them.
 *       None of it knows bytes or stores, so it can be tested on its own, case by case, and against a
 *       brute-force recomputation of the documented definitions.</li>
 *   <li><b>The change tracking.</b> {@code WindowChanges} notes what changed since the store last
 *       saw the windows. It exists only because the store is written part by part after every
 *       record, so that a record costs a few small puts. {@code SloWindows} notes each change in it
 *       as it makes it; the rings and sums never see it, and nothing in the math reads it.</li>
 *   <li><b>The stored form.</b> {@link dev.slopipeline.streams.window.WindowParts} decides which parts
 *       a state store holds and writes the changed ones; {@code WindowCodec} is their byte layout. A
 *       task that takes over reads what an earlier build wrote, so the layout only ever grows a new
 *       version beside the old, whatever the math becomes.</li>
 * </ul>
 */
package dev.slopipeline.streams.window;
