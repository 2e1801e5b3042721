/**
 * Time intervals: {@link dev.slopipeline.router.routing.timeinterval.TimeIntervals#contains} decides whether an instant is
 * in a configured interval as Alertmanager does; {@link dev.slopipeline.router.routing.timeinterval.RouteTimes} applies a
 * route's {@code mute_time_intervals} (no notifications while any is in effect) and
 * {@code active_time_intervals} (notifications only while one is).
 */
package dev.slopipeline.router.routing.timeinterval;
