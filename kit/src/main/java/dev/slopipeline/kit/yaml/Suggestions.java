package dev.slopipeline.kit.yaml;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** "Did you mean" for misspelt names. */
public final class Suggestions {

    private Suggestions() {
    }

    /** The candidate nearest to the name by edit distance, if it is near enough to be a likely typo. */
    public static Optional<String> closest(String name, Collection<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            int distance = distance(name.toLowerCase(Locale.ROOT), candidate.toLowerCase(Locale.ROOT));
            if (distance < bestDistance || (distance == bestDistance && best != null && candidate.compareTo(best) < 0)) {
                best = candidate;
                bestDistance = distance;
            }
        }
        int tolerance = Math.max(1, Math.min(3, name.length() / 3));
        return best != null && bestDistance <= tolerance ? Optional.of(best) : Optional.empty();
    }

    /**
     * "; did you mean "x"?", or else the list of what exists, for a message about an unknown name.
     *
     * @param kind what the names are, plural, e.g. "receivers"
     */
    public static String knownNames(String name, Collection<String> known, String kind) {
        if (known.isEmpty()) {
            return "; no " + kind + " are defined";
        }
        return closest(name, known)
                .map(s -> "; did you mean \"" + s + "\"?")
                .orElse("; the " + kind + " are: " + String.join(", ", known));
    }

    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
