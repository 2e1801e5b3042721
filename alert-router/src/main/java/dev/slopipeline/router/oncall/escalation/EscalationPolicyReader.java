package dev.slopipeline.router.oncall.escalation;

import dev.slopipeline.definitions.model.DurationSyntax;
import dev.slopipeline.kit.yaml.Problems;
import dev.slopipeline.kit.yaml.YamlMap;
import dev.slopipeline.kit.yaml.YamlNode;
import dev.slopipeline.router.oncall.schedule.DeclaredNames;
import dev.slopipeline.router.oncall.schedule.Entries;
import dev.slopipeline.router.oncall.schedule.OnCallSections;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Reads the {@code escalation_policies} section; the users and schedules it names must be declared.
 * <pre>{@code
 * escalation_policies:
 *   - name: payments
 *     repeat: 1              # run the levels once more after the first time (default 0, at most 9)
 *     ack_timeout: 30m       # default 30m; "off" keeps an acknowledgement for ever
 *     levels:
 *       - {schedules: [payments-primary], delay: 15m, reminder: 5m}
 *       - {schedules: [payments-secondary], users: [erin], delay: 15m}
 *       - {users: [frank], delay: 30m}     # the last delay: time before the repeat
 * }</pre>
 */
final class EscalationPolicyReader {

    /** PagerDuty's limit too: past this, nobody is going to answer. */
    private static final int MAX_REPEAT = 9;
    private static final String OFF = "off";

    private final OnCallSections onCall;
    private final DeclaredNames names = new DeclaredNames("escalation policy");
    private final Problems problems;

    EscalationPolicyReader(OnCallSections onCall, Problems problems) {
        this.onCall = onCall;
        this.problems = problems;
    }

    Map<String, EscalationPolicy> read(YamlMap root) {
        Map<String, EscalationPolicy> policies = new LinkedHashMap<>();
        root.get("escalation_policies").flatMap(node -> node.asList(problems, "\"escalation_policies\"")).ifPresent(items -> {
            for (int i = 0; i < items.size(); i++) {
                YamlNode item = items.get(i);
                item.asMap(problems, Entries.label("escalation policy", item, i))
                        .flatMap(this::policy)
                        .ifPresent(policy -> policies.put(policy.name(), policy));
            }
        });
        return policies;
    }

    private Optional<EscalationPolicy> policy(YamlMap map) {
        int errorsBefore = problems.errorCount();
        Optional<String> name = Entries.declaredName(map, names);
        int repeat = map.get("repeat").map(node -> repeat(node, map.describe("repeat"))).orElse(0);
        Optional<Duration> ackTimeout = map.get("ack_timeout")
                .map(node -> ackTimeout(node, map.describe("ack_timeout")))
                .orElse(Optional.of(EscalationPolicy.DEFAULT_ACK_TIMEOUT));
        List<EscalationLevel> levels = map.require("levels").map(node -> levels(node, map, repeat)).orElse(List.of());
        map.rejectUnknownFields();
        if (problems.errorCount() > errorsBefore) {
            return Optional.empty();
        }
        return Optional.of(new EscalationPolicy(name.orElseThrow(), levels, repeat, ackTimeout));
    }

    private int repeat(YamlNode node, String what) {
        OptionalLong repeat = node.asInteger(problems, what);
        if (repeat.isPresent() && (repeat.getAsLong() < 0 || repeat.getAsLong() > MAX_REPEAT)) {
            problems.error(node.location(), what + " must be 0 to " + MAX_REPEAT
                    + " (how many more times the levels run after the first), got " + repeat.getAsLong());
            return 0;
        }
        return (int) repeat.orElse(0);
    }

    private Optional<Duration> ackTimeout(YamlNode node, String what) {
        if (node.scalarText().filter(OFF::equals).isPresent()) {
            return Optional.empty();
        }
        return duration(node, what);
    }

    private List<EscalationLevel> levels(YamlNode node, YamlMap policy, int repeat) {
        List<EscalationLevel> levels = new ArrayList<>();
        node.asList(problems, policy.describe("levels")).ifPresent(items -> {
            if (items.isEmpty()) {
                problems.error(node.location(), policy.what() + " needs at least one level");
            }
            for (int i = 0; i < items.size(); i++) {
                String label = "level " + (i + 1) + " of " + policy.what();
                String after = i + 1 < items.size() ? "level " + (i + 2) + " is paged"
                        : repeat > 0 ? "the policy repeats from level 1" : null;
                items.get(i).asMap(problems, label).flatMap(map -> level(map, after)).ifPresent(levels::add);
            }
        });
        return levels;
    }

    /** @param after what happens when the delay runs out, or null where nothing follows */
    private Optional<EscalationLevel> level(YamlMap map, String after) {
        int errorsBefore = problems.errorCount();
        List<String> users = targets(map, "users", onCall.users());
        List<String> schedules = targets(map, "schedules", onCall.schedules());
        // unknown names are reported already; only a level that names nobody at all is this mistake
        if (problems.errorCount() == errorsBefore && users.isEmpty() && schedules.isEmpty()) {
            problems.error(map.location(), map.what() + " has no target: list users, schedules or both");
        }
        Optional<Duration> delay = map.get("delay").flatMap(node -> duration(node, map.describe("delay")));
        if (after != null && !map.has("delay")) {
            problems.error(map.location(), map.what() + " needs a \"delay\": how long its people have to acknowledge before " + after);
        }
        if (after == null && delay.isPresent()) {
            problems.warning(map.get("delay").orElseThrow().location(), map.describe("delay")
                    + " has no effect: nothing follows the last level when repeat is 0");
        }
        Optional<Duration> reminder = map.get("reminder").flatMap(node -> duration(node, map.describe("reminder")));
        if (after != null && reminder.isPresent() && delay.isPresent() && reminder.get().compareTo(delay.get()) >= 0) {
            problems.warning(map.get("reminder").orElseThrow().location(), map.describe("reminder") + " never fires: "
                    + after + " after " + DurationSyntax.format(delay.get()));
        }
        map.rejectUnknownFields();
        if (problems.errorCount() > errorsBefore) {
            return Optional.empty();
        }
        return Optional.of(new EscalationLevel(users, schedules, after == null ? Optional.empty() : delay, reminder));
    }

    private List<String> targets(YamlMap level, String field, DeclaredNames declared) {
        List<String> targets = new ArrayList<>();
        String what = level.describe(field);
        level.get(field).flatMap(node -> node.asList(problems, what)).ifPresent(items -> {
            for (YamlNode item : items) {
                item.asString(problems, "an entry of " + what)
                        .filter(name -> declared.check(name, item.location(), level.what(), problems))
                        .ifPresent(targets::add);
            }
        });
        return targets;
    }

    private Optional<Duration> duration(YamlNode node, String what) {
        return node.asText(problems, what).flatMap(text -> {
            try {
                return Optional.of(DurationSyntax.parse(text));
            } catch (IllegalArgumentException e) {
                problems.error(node.location(), what + ": " + e.getMessage());
                return Optional.empty();
            }
        });
    }
}
