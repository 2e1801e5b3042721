/**
 * On-call, one of the router's three rooms: who is paged, and what happens until someone answers.
 * <ul>
 *   <li>{@code schedule}: users, rotations, layers and overrides: who is on call when.</li>
 *   <li>{@code escalation}: escalation policies and the process one incident goes through, step by step.</li>
 *   <li>{@code incident}: incidents, their commands (acknowledge, resolve), views and the processor that runs them.</li>
 *   <li>{@code heartbeat}: the watch that pages when the pipeline itself goes silent.</li>
 * </ul>
 * On-call reads the shared model in {@code notification}; pages leave as intents in the format all rooms share
 * ({@link dev.slopipeline.router.notification.IntentCodec}), which the delivery service reads. The route that takes the
 * silent-pipeline page to the heartbeat's receiver joins on-call and routing, so the config builds it, not on-call.
 * On-call imports nothing from routing or delivery, and neither imports on-call.
 */
package dev.slopipeline.router.oncall;
