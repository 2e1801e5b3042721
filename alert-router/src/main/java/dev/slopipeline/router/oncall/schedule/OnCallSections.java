package dev.slopipeline.router.oncall.schedule;

import java.util.Objects;

/**
 * What the {@code users} and {@code schedules} sections hold: the valid entries, and every name
 * written, for the sections that refer to them (escalation policies).
 */
public record OnCallSections(OnCallConfig config, DeclaredNames users, DeclaredNames schedules) {

    public OnCallSections {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(users, "users");
        Objects.requireNonNull(schedules, "schedules");
    }
}
