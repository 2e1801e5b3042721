package dev.slopipeline.router.config;

import dev.slopipeline.router.delivery.ChannelConfig;
import dev.slopipeline.router.delivery.DeliveryConfig;
import dev.slopipeline.router.delivery.ReceiverConfig;
import dev.slopipeline.router.delivery.RetryPolicy;
import dev.slopipeline.router.oncall.escalation.PagingConfig;
import dev.slopipeline.router.routing.group.GroupingConfig;
import dev.slopipeline.router.routing.group.ReceiverPolicy;
import dev.slopipeline.router.routing.inhibit.InhibitRule;
import dev.slopipeline.router.routing.route.Route;
import dev.slopipeline.router.routing.timeinterval.TimeInterval;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An Alertmanager-style router configuration, validated, with its routing tree already built.
 * Every receiver and time interval that a route names exists. {@code paging} holds our additions
 * beside the route tree: users, on-call schedules and escalation policies. Routing and delivery read it through
 * their own views of it, {@link GroupingConfig} and {@link DeliveryConfig}.
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
        RetryPolicy retryPolicy) implements GroupingConfig, DeliveryConfig {

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

    /**
     * What grouping needs to know of each receiver. One whose pages open incidents is notified of everything, even
     * without channels of its own, so that the incident processor hears of its pages and of their recovery.
     */
    @Override
    public List<ReceiverPolicy> receiverPolicies() {
        return receivers.stream().map(receiver -> {
            boolean escalates = escalates(receiver.name());
            return new ReceiverPolicy(receiver.name(), escalates || !receiver.channels().isEmpty(),
                    escalates || receiver.channels().stream().anyMatch(ChannelConfig::sendResolved));
        }).toList();
    }

    public Optional<TimeInterval> timeInterval(String name) {
        return timeIntervals.stream().filter(t -> t.name().equals(name)).findFirst();
    }
}
