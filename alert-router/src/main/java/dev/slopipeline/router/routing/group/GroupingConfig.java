package dev.slopipeline.router.routing.group;

import dev.slopipeline.router.routing.inhibit.InhibitRule;
import dev.slopipeline.router.routing.route.Route;
import dev.slopipeline.router.routing.timeinterval.TimeInterval;
import java.util.List;

/**
 * What grouping and its notification pipeline read of the router config. The router config implements it; routing
 * declares what it needs here, so it does not depend on the whole config with the other rooms' sections in it.
 */
public interface GroupingConfig {

    /** The routing tree, built and validated. */
    Route route();

    /** One policy for each declared receiver. */
    List<ReceiverPolicy> receiverPolicies();

    List<InhibitRule> inhibitRules();

    List<TimeInterval> timeIntervals();
}
