package dev.slopipeline.router.escalation;

import dev.slopipeline.definitions.yaml.Problems;
import dev.slopipeline.definitions.yaml.YamlMap;
import dev.slopipeline.router.schedule.OnCallConfig;
import dev.slopipeline.router.schedule.OnCallConfigReader;
import dev.slopipeline.router.schedule.OnCallSections;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Who can be paged and how: the {@code users}, {@code schedules} and {@code escalation_policies}
 * sections of the router configuration. {@code alert-router/src/test/resources/oncall/example.yaml}
 * shows all three.
 */
public record PagingConfig(OnCallConfig onCall, Map<String, EscalationPolicy> policies) {

    public PagingConfig {
        Objects.requireNonNull(onCall, "onCall");
        policies = Collections.unmodifiableMap(new LinkedHashMap<>(policies));
    }

    /**
     * Reads the three sections from the root of the router configuration. Problems go to
     * {@code problems}; entries with one are left out, so use the result only when there is no error.
     * The caller reads its own sections from the same root, then rejects its unknown fields.
     */
    public static PagingConfig read(YamlMap root, Problems problems) {
        OnCallSections onCall = OnCallConfigReader.read(root, problems);
        Map<String, EscalationPolicy> policies = new EscalationPolicyReader(onCall, problems).read(root);
        return new PagingConfig(onCall.config(), policies);
    }

    public Optional<EscalationPolicy> policy(String name) {
        return Optional.ofNullable(policies.get(name));
    }

    /** The process for incidents under the named policy (an incident's state names its policy). */
    public Optional<EscalationProcess> process(String policyName) {
        return policy(policyName).map(policy -> new EscalationProcess(policy, onCall));
    }
}
