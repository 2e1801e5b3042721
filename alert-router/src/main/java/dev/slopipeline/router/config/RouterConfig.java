package dev.slopipeline.router.config;

import dev.slopipeline.router.delivery.ReceiverConfig;
import dev.slopipeline.router.delivery.RetryPolicy;
import dev.slopipeline.router.oncall.escalation.PagingConfig;
import dev.slopipeline.router.routing.inhibit.InhibitRule;
import dev.slopipeline.router.routing.route.Route;
import dev.slopipeline.router.routing.timeinterval.TimeInterval;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An Alertmanager-style router configuration, validated, with its routing tree already built.
 * Every receiver and time interval that a route names exists. {@code paging} holds our additions
 * beside the route tree: users, on-call schedules and escalation policies.
 *
 * @param retryPolicy how deliveries are retried and when receivers fail over (the {@code delivery} section)
 */
public record RouterConfig(
        GlobalConfig global,
        Route route,
        List<ReceiverConfig> receivers,
        List<InhibitRule> inhibitRules,
        List<TimeInterval> timeIntervals,
        PagingConfig paging,
        RetryPolicy retryPolicy) {

    public RouterConfig {
        receivers = List.copyOf(receivers);
        inhibitRules = List.copyOf(inhibitRules);
        timeIntervals = List.copyOf(timeIntervals);
        Objects.requireNonNull(retryPolicy, "retryPolicy");
    }

    public Optional<ReceiverConfig> receiver(String name) {
        return receivers.stream().filter(r -> r.name().equals(name)).findFirst();
    }

    /** Whether the pages of this receiver open incidents: {@code paging.receivers} gives it an escalation policy. */
    public boolean escalates(String receiver) {
        return paging.options().policyFor(receiver).isPresent();
    }

    public Optional<TimeInterval> timeInterval(String name) {
        return timeIntervals.stream().filter(t -> t.name().equals(name)).findFirst();
    }
}
