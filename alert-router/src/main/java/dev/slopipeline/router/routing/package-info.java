/**
 * Routing, one of the router's three rooms: which receivers hear of an alert, when, and in which group.
 * <ul>
 *   <li>{@code route}: the routing tree; {@code matcher}: label matchers in Alertmanager's two syntaxes;
 *       {@code routetest}: what a label set routes to, for the CLI.</li>
 *   <li>{@code group}: aggregation groups, their timers and the notification pipeline (inhibit, silence, time mute,
 *       dedup), which turns alerts into {@link dev.slopipeline.router.notification.Notification}s.</li>
 *   <li>{@code inhibit}, {@code silence}, {@code timeinterval}: the three ways an alert is held back.</li>
 * </ul>
 * Each part reads its own section of the router config ({@code route.RouteReader}, {@code inhibit.InhibitRuleReader},
 * {@code timeinterval.TimeIntervalReader}, with {@code matcher.MatcherReader} for the label conditions of the first
 * two); {@code config} only puts the sections together. Routing reads the shared model in {@code notification} and the
 * validated config through its own view of it, {@link dev.slopipeline.router.routing.group.GroupingConfig}; it imports
 * nothing from delivery, on-call or {@code config}.
 */
package dev.slopipeline.router.routing;
