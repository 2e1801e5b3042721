package dev.slopipeline.router.routing.matcher;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * All the matchers of a route or an inhibition side; an alert must satisfy every one. Kept sorted by
 * name, value and operator as Alertmanager sorts them, so that the printed form (part of route keys)
 * does not depend on the order they were written in.
 */
public record Matchers(List<Matcher> all) {

    private static final Comparator<Matcher> ORDER = Comparator.comparing(Matcher::name)
            .thenComparing(Matcher::value)
            .thenComparing(Matcher::type);

    public static final Matchers NONE = new Matchers(List.of());

    public Matchers {
        all = all.stream().sorted(ORDER).toList();
    }

    public static Matchers of(Collection<Matcher> matchers) {
        return new Matchers(List.copyOf(matchers));
    }

    /** Whether the labels satisfy every matcher; a missing label counts as the empty string. */
    public boolean matches(Map<String, String> labels) {
        for (Matcher matcher : all) {
            if (!matcher.matches(labels.getOrDefault(matcher.name(), ""))) {
                return false;
            }
        }
        return true;
    }

    /** {@code {a="b",c!="d"}}, as in Alertmanager's route keys. */
    @Override
    public String toString() {
        return all.stream().map(Matcher::toString).collect(Collectors.joining(",", "{", "}"));
    }
}
