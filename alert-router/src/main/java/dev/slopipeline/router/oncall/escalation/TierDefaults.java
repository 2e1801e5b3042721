package dev.slopipeline.router.oncall.escalation;

import java.util.Optional;

/**
 * The default response to a page-severity alert by service tier: 1 pages with escalation, 2 pages the
 * first level only, 3 opens a ticket, 4 notifies the owner.
 */
public final class TierDefaults {

    private TierDefaults() {
    }

    /**
     * @param policy the escalation policy named by the receiver (or route) the alert reached
     * @throws IllegalArgumentException for tier 1 or 2 without a policy (configuration validation
     *     should refuse such a receiver), or a tier outside 1 to 4
     */
    public static AlertResponse forTier(int tier, Optional<String> policy) {
        return switch (tier) {
            case 1 -> new AlertResponse.Page(requirePolicy(tier, policy), PagingMode.ESCALATE);
            case 2 -> new AlertResponse.Page(requirePolicy(tier, policy), PagingMode.PRIMARY_ONLY);
            case 3 -> new AlertResponse.Ticket();
            case 4 -> new AlertResponse.NotifyOwner();
            default -> throw new IllegalArgumentException("tier must be 1 to 4, got " + tier);
        };
    }

    private static String requirePolicy(int tier, Optional<String> policy) {
        return policy.orElseThrow(() -> new IllegalArgumentException(
                "a tier " + tier + " service pages through an escalation policy, but its receiver names none"));
    }
}
