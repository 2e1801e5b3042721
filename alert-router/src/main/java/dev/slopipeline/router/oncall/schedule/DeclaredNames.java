package dev.slopipeline.router.oncall.schedule;

import dev.slopipeline.kit.yaml.Problems;
import dev.slopipeline.kit.yaml.SourceLocation;
import dev.slopipeline.kit.yaml.Suggestions;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The names of one kind of thing written in the configuration (users, schedules, policies), whether or
 * not the rest of the entry was valid, so that a reference to a broken entry is not reported twice.
 */
public final class DeclaredNames {

    private final String kind;
    private final Map<String, SourceLocation> declared = new LinkedHashMap<>();

    /** @param kind singular, as messages say it: {@code user}, {@code schedule} */
    public DeclaredNames(String kind) {
        this.kind = kind;
    }

    /** Records the name; a second declaration is a problem and returns false. */
    public boolean declare(String name, SourceLocation where, Problems problems) {
        SourceLocation first = declared.putIfAbsent(name, where);
        if (first != null) {
            problems.error(where, "duplicate " + kind + " \"" + name + "\" (first at line " + first.line() + ")");
            return false;
        }
        return true;
    }

    /** Whether the name was declared; if not, a problem with the nearest declared name as a suggestion. */
    public boolean check(String name, SourceLocation where, String context, Problems problems) {
        if (declared.containsKey(name)) {
            return true;
        }
        String hint = Suggestions.closest(name, declared.keySet())
                .map(s -> "; did you mean \"" + s + "\"?")
                .orElse(declared.isEmpty()
                        ? "; no " + kind + " is declared"
                        : "; declared: " + String.join(", ", declared.keySet()));
        problems.error(where, "unknown " + kind + " \"" + name + "\" in " + context + hint);
        return false;
    }
}
