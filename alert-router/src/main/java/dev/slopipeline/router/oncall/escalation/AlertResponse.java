package dev.slopipeline.router.oncall.escalation;

import java.util.Objects;

/** What the router does with an alert of a service, by its tier ({@link TierDefaults}). */
public sealed interface AlertResponse {

    /** Open an incident and page through the policy. */
    record Page(String policy, PagingMode mode) implements AlertResponse {

        public Page {
            Objects.requireNonNull(policy, "policy");
            Objects.requireNonNull(mode, "mode");
        }
    }

    /** Open a ticket for working hours; nobody is paged. */
    record Ticket() implements AlertResponse {
    }

    /** Let the owning team know; nobody is paged. */
    record NotifyOwner() implements AlertResponse {
    }
}
