package dev.slopipeline.router.delivery;

import dev.slopipeline.kit.yaml.Located;
import dev.slopipeline.kit.yaml.Problems;
import dev.slopipeline.kit.yaml.Suggestions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks every receiver's {@code fallback} once all receivers are read: it names another receiver, that receiver has
 * exactly one channel (each failing channel hands its notification to exactly one other), and following fallbacks
 * always ends, so failing over terminates.
 */
final class FallbackCheck {

    private final Problems problems;
    private final Map<String, ReceiverConfig> byName = new LinkedHashMap<>();
    private final Map<String, Located<String>> fallbacks;

    FallbackCheck(Problems problems, List<ReceiverConfig> receivers, Map<String, Located<String>> fallbacks) {
        this.problems = problems;
        receivers.forEach(receiver -> byName.putIfAbsent(receiver.name(), receiver));
        this.fallbacks = fallbacks;
    }

    void run() {
        fallbacks.forEach(this::checkTarget);
        Set<String> inReportedCycle = new HashSet<>();
        fallbacks.forEach((name, fallback) -> {
            List<String> chain = chainFrom(name);
            if (chain.get(chain.size() - 1).equals(name) && chain.size() > 2 && inReportedCycle.add(name)) {
                inReportedCycle.addAll(chain);
                problems.error(fallback.location(), "receivers " + String.join(" → ", chain)
                        + " form a fallback cycle; a chain of fallbacks must end at a receiver without one");
            }
        });
    }

    private void checkTarget(String name, Located<String> fallback) {
        String target = fallback.value();
        ReceiverConfig receiver = byName.get(target);
        if (target.equals(name)) {
            problems.error(fallback.location(), "receiver \"" + name + "\" names itself as its fallback; name another"
                    + " receiver that takes over when this one keeps failing");
        } else if (receiver == null) {
            problems.error(fallback.location(), "receiver \"" + name + "\" falls back to \"" + target
                    + "\", which is not a receiver" + Suggestions.knownNames(target, byName.keySet(), "receivers"));
        } else if (receiver.channels().size() != 1) {
            problems.error(fallback.location(), "receiver \"" + name + "\" falls back to \"" + target + "\", which has "
                    + receiver.channels().size() + " channels; a fallback receiver needs exactly one, because each"
                    + " failing channel hands its notification to exactly one other");
        }
    }

    /** Names from {@code start} along its fallbacks, ending at the first repeat or at a receiver without one. */
    private List<String> chainFrom(String start) {
        List<String> chain = new ArrayList<>(List.of(start));
        for (String next = target(start); next != null; next = target(next)) {
            boolean repeat = chain.contains(next);
            chain.add(next);
            if (repeat) {
                break;
            }
        }
        return chain;
    }

    /** The fallback of a receiver that exists, or null; self-references are reported on their own. */
    private String target(String name) {
        Located<String> fallback = fallbacks.get(name);
        return fallback == null || fallback.value().equals(name) || !byName.containsKey(fallback.value())
                ? null : fallback.value();
    }
}
