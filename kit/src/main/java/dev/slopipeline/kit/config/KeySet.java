package dev.slopipeline.kit.config;

import dev.slopipeline.kit.yaml.Suggestions;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The keys a reader knows: an app's own, the prefixes it passes through, and the environment names that others
 * read (the logging configuration), which are no mistake in the environment. A launcher that reads one file for
 * several apps joins their sets with {@link #and}.
 */
public final class KeySet {

    private final Map<String, Key<?>> keys;
    private final List<PassThrough> passThroughs;
    private final Set<String> readElsewhere;

    private KeySet(Map<String, Key<?>> keys, List<PassThrough> passThroughs, Set<String> readElsewhere) {
        this.keys = Collections.unmodifiableMap(keys);
        this.passThroughs = List.copyOf(passThroughs);
        this.readElsewhere = Set.copyOf(readElsewhere);
    }

    /** @throws IllegalArgumentException when two different keys have one name */
    public static KeySet of(Collection<? extends Key<?>> keys) {
        Map<String, Key<?>> byName = new LinkedHashMap<>();
        keys.forEach(key -> add(byName, key));
        return new KeySet(byName, List.of(), Set.of());
    }

    /** The same keys, and any key under {@code passThrough}'s prefix. */
    public KeySet passingThrough(PassThrough passThrough) {
        List<PassThrough> more = new ArrayList<>(passThroughs);
        more.add(passThrough);
        return new KeySet(new LinkedHashMap<>(keys), more, readElsewhere);
    }

    /** The same keys, and {@code others} as names that something else reads from the environment. */
    public KeySet readElsewhere(Collection<? extends Key<?>> others) {
        Set<String> more = new LinkedHashSet<>(readElsewhere);
        others.forEach(key -> more.add(key.name()));
        return new KeySet(new LinkedHashMap<>(keys), passThroughs, more);
    }

    /** Both sets; a key the two share (the same {@link Key}, as {@code bootstrap.servers}) is listed once. */
    public KeySet and(KeySet other) {
        Map<String, Key<?>> byName = new LinkedHashMap<>(keys);
        other.keys.values().forEach(key -> add(byName, key));
        List<PassThrough> prefixes = new ArrayList<>(passThroughs);
        other.passThroughs.stream().filter(p -> !prefixes.contains(p)).forEach(prefixes::add);
        Set<String> elsewhere = new LinkedHashSet<>(readElsewhere);
        elsewhere.addAll(other.readElsewhere);
        return new KeySet(byName, prefixes, elsewhere);
    }

    public Collection<Key<?>> keys() {
        return keys.values();
    }

    public List<PassThrough> passThroughs() {
        return passThroughs;
    }

    public boolean isKnown(String name) {
        return keys.containsKey(name) || passThroughs.stream().anyMatch(p -> p.covers(name));
    }

    boolean isReadElsewhere(String name) {
        return readElsewhere.contains(name);
    }

    /**
     * A key declared secret, a pass-through key its receiver holds secret, or an unknown key whose name says so;
     * a known key's name alone decides nothing ({@code router.api.reads.need.token} is a yes or no).
     */
    public boolean isSecret(String name) {
        Key<?> key = keys.get(name);
        if (key != null) {
            return key.isSecret();
        }
        return passThroughs.stream().filter(p -> p.covers(name)).findFirst()
                .map(p -> p.isSecret().test(p.unprefixed(name)))
                .orElseGet(() -> Secrets.looksSecret(name));
    }

    /** The value as it may be shown in a listing or a message: {@code ******} for a secret. */
    public String printable(String name, String value) {
        return Secrets.printable(isSecret(name), value);
    }

    /** {@code http.prot (file app.yml) is not a setting; known: ... Did you mean http.port?} */
    String notASetting(String name, String origin) {
        String known = keys.keySet().stream().collect(Collectors.joining(", "))
                + passThroughs.stream().map(p -> ", and " + p.prefix() + "* for " + p.what()).collect(Collectors.joining());
        String suggestion = Suggestions.closest(name, keys.keySet()).map(key -> ". Did you mean " + key + "?").orElse("");
        return name + " (" + origin + ") is not a setting; known: " + known + suggestion;
    }

    private static void add(Map<String, Key<?>> byName, Key<?> key) {
        Key<?> before = byName.putIfAbsent(key.name(), key);
        if (before != null && before != key) {
            throw new IllegalArgumentException("two keys are named " + key.name());
        }
    }
}
