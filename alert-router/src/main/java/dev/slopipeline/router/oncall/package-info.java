/**
 * On-call, one of the router's three rooms: who is paged, and what happens until someone answers.
 * <ul>
 *   <li>{@code schedule}: users, rotations, layers and overrides: who is on call when.</li>
 *   <li>{@code escalation}: escalation policies and the process one incident goes through, step by step.</li>
 *   <li>{@code incident}: incidents, their commands (acknowledge, resolve), views and the processor that runs them.</li>
 *   <li>{@code heartbeat}: the watch that pages when the pipeline itself goes silent.</li>
 * </ul>
 * On-call reads the shared model in {@code notification}; pages leave as intents in the delivery service's format
 * ({@link dev.slopipeline.router.delivery.service.IntentCodec}), so on-call depends on delivery, never the other way.
 * The route that takes the silent-pipeline page to the heartbeat's receiver joins on-call and routing, so the config
 * builds it, not on-call. Nothing in routing or delivery imports on-call.
 */
package dev.slopipeline.router.oncall;
