package dev.slopipeline.definitions.model;

import java.util.Map;
import java.util.Objects;

/**
 * A service in the catalog: who owns it, how critical it is, and where its runbook lives.
 *
 * @param tier 1 (critical) to 4 (experiment); it chooses default alert severities and escalation
 * @param contacts on-call contact labels handed to the router (for example {@code slack: "#shop-oncall"})
 */
public record ServiceDefinition(
        String name,
        String owner,
        int tier,
        String runbook,
        String description,
        Map<String, String> contacts,
        Map<String, String> labels) {

    public static final int DEFAULT_TIER = 2;

    public ServiceDefinition {
        Objects.requireNonNull(name, "name");
        if (tier < 1 || tier > 4) {
            throw new IllegalArgumentException("tier must be 1 to 4, got " + tier);
        }
        contacts = Map.copyOf(contacts);
        labels = Map.copyOf(labels);
    }
}
