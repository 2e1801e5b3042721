package dev.slopipeline.router.oncall.escalation;

import dev.slopipeline.kit.yaml.Problems;
import dev.slopipeline.kit.yaml.YamlMap;
import dev.slopipeline.router.oncall.heartbeat.HeartbeatConfig;
import dev.slopipeline.router.oncall.heartbeat.HeartbeatConfigReader;
import dev.slopipeline.router.oncall.schedule.Contact;
import dev.slopipeline.router.oncall.schedule.OnCallConfig;
import dev.slopipeline.router.oncall.schedule.OnCallConfigReader;
import dev.slopipeline.router.oncall.schedule.OnCallSections;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Who can be paged and how: the {@code users}, {@code schedules}, {@code escalation_policies},
 * {@code paging} ({@link PagingOptions}) and {@code heartbeat} ({@link HeartbeatConfig}) sections of the
 * router configuration. {@code alert-router/src/test/resources/oncall/example.yaml}
 * shows all three.
 */
public record PagingConfig(OnCallConfig onCall, Map<String, EscalationPolicy> policies, PagingOptions options,
                           Optional<HeartbeatConfig> heartbeat) {

    public PagingConfig {
        Objects.requireNonNull(onCall, "onCall");
        policies = Collections.unmodifiableMap(new LinkedHashMap<>(policies));
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(heartbeat, "heartbeat");
    }

    public PagingConfig(OnCallConfig onCall, Map<String, EscalationPolicy> policies) {
        this(onCall, policies, PagingOptions.NONE, Optional.empty());
    }

    /**
     * Reads the three sections from the root of the router configuration. Problems go to
     * {@code problems}; entries with one are left out, so use the result only when there is no error.
     * The caller reads its own sections from the same root, then rejects its unknown fields.
     */
    public static PagingConfig read(YamlMap root, Problems problems) {
        return read(root, problems, Optional.empty());
    }

    /** As {@link #read(YamlMap, Problems)}, and the receivers the {@code paging} section names must be declared. */
    public static PagingConfig read(YamlMap root, Problems problems, Set<String> receivers) {
        return read(root, problems, Optional.of(receivers));
    }

    private static PagingConfig read(YamlMap root, Problems problems, Optional<Set<String>> receivers) {
        OnCallSections onCall = OnCallConfigReader.read(root, problems);
        Map<String, EscalationPolicy> policies = new EscalationPolicyReader(onCall, problems).read(root);
        PagingOptions options = new PagingOptionsReader(problems, policies.keySet(), receivers).read(root);
        if (!options.policyByReceiver().isEmpty()) {
            root.get("users").ifPresent(users -> onCall.config().users().values().stream()
                    .flatMap(user -> user.contacts().stream())
                    .map(Contact::type)
                    .distinct()
                    .filter(type -> options.receiverFor(type).isEmpty())
                    .forEach(type -> problems.warning(users.location(), "users have " + type.wireName()
                            + " contacts, but \"paging.contacts\" names no receiver for " + type.wireName()
                            + ": pages to them are not delivered")));
        }
        Optional<HeartbeatConfig> heartbeat = HeartbeatConfigReader.read(root, problems, receivers);
        return new PagingConfig(onCall.config(), policies, options, heartbeat);
    }

    public Optional<EscalationPolicy> policy(String name) {
        return Optional.ofNullable(policies.get(name));
    }

    /** The process for incidents under the named policy (an incident's state names its policy). */
    public Optional<EscalationProcess> process(String policyName) {
        return policy(policyName).map(policy -> new EscalationProcess(policy, onCall));
    }
}
