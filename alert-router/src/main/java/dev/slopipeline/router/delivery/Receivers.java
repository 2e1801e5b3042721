package dev.slopipeline.router.delivery;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The receivers the dispatcher may use, checked once when built: names are unique, every fallback exists, and every
 * fallback chain ends, so failing over always terminates.
 */
public final class Receivers {

    private final Map<String, Receiver> byName;

    private Receivers(Map<String, Receiver> byName) {
        this.byName = byName;
    }

    public static Receivers of(Receiver... receivers) {
        return of(List.of(receivers));
    }

    public static Receivers of(Collection<Receiver> receivers) {
        Map<String, Receiver> byName = new LinkedHashMap<>();
        for (Receiver receiver : receivers) {
            if (byName.putIfAbsent(receiver.name(), receiver) != null) {
                throw new IllegalArgumentException("receiver " + receiver.name() + " is defined twice");
            }
        }
        for (Receiver receiver : byName.values()) {
            if (receiver.fallback() != null && !byName.containsKey(receiver.fallback())) {
                throw new IllegalArgumentException("receiver " + receiver.name() + " falls back to "
                        + receiver.fallback() + ", which is not a receiver (known: " + byName.keySet() + ")");
            }
        }
        for (Receiver receiver : byName.values()) {
            List<String> chain = new ArrayList<>();
            for (Receiver r = receiver; r != null; r = r.fallback() == null ? null : byName.get(r.fallback())) {
                if (chain.contains(r.name())) {
                    chain.add(r.name());
                    throw new IllegalArgumentException("receivers " + String.join(" → ", chain)
                            + " form a fallback cycle; a fallback chain must end");
                }
                chain.add(r.name());
            }
        }
        return new Receivers(Map.copyOf(byName));
    }

    public Optional<Receiver> get(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** The names, for error messages that say what would have been right. */
    public String names() {
        return byName.keySet().stream().sorted().toList().toString();
    }
}
