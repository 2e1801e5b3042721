package dev.slopipeline.router.oncall.schedule;

import dev.slopipeline.kit.yaml.Problems;
import dev.slopipeline.kit.yaml.YamlMap;
import dev.slopipeline.kit.yaml.YamlNode;
import java.util.Optional;

/** Reading the {@code name} of a list entry, shared by the sections of the on-call configuration. */
public final class Entries {

    private Entries() {
    }

    /**
     * How messages call a list entry: {@code user "alice"} when it has a readable name, else by
     * position ({@code user 3}), so that problems inside it say whose they are.
     */
    public static String label(String kind, YamlNode entry, int index) {
        // a throwaway Problems: the real reading of the entry reports whatever is wrong with it
        return entry.asMap(new Problems(), kind)
                .flatMap(map -> map.get("name"))
                .flatMap(YamlNode::scalarText)
                .map(name -> kind + " \"" + name + "\"")
                .orElse(kind + " " + (index + 1));
    }

    /** The required {@code name} of the entry, declared so that a duplicate is reported. */
    public static Optional<String> declaredName(YamlMap entry, DeclaredNames names) {
        Problems problems = entry.problems();
        return entry.require("name").flatMap(node -> node.asString(problems, entry.describe("name"))
                .filter(name -> {
                    if (name.isBlank()) {
                        problems.error(node.location(), entry.describe("name") + " must not be empty");
                        return false;
                    }
                    return names.declare(name, node.location(), problems);
                }));
    }
}
