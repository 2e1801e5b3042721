package dev.slopipeline.router.config;

import dev.slopipeline.kit.yaml.Problems;
import dev.slopipeline.kit.yaml.YamlMap;
import java.util.List;
import java.util.Optional;

/**
 * Where the router's own top-level sections are read from. Alertmanager has no word for them, so {@code amtool
 * check-config} refuses a file that holds them: they belong in the on-call file ({@code router.oncall.config}),
 * beside the Alertmanager-format router file. A router file that still holds them is read as before, with one
 * warning naming what to move, as long as no on-call file is given; with one, each left in the router file is an
 * error, so that no section is silently read from one file and ignored in the other.
 */
final class OnCallSections {

    /** In the order a file usually writes them. */
    static final List<String> NAMES = List.of("users", "schedules", "escalation_policies", "paging", "heartbeat",
            "delivery");

    private OnCallSections() {
    }

    /**
     * @param router the router file's root
     * @param onCall the on-call file's root, when one is given
     * @return the root to read the on-call sections from
     */
    static YamlMap root(YamlMap router, Optional<YamlMap> onCall, Problems problems) {
        List<String> inRouterFile = NAMES.stream().filter(router::has).toList();
        if (onCall.isPresent()) {
            for (String section : inRouterFile) {
                problems.error(router.keyLocation(section), "\"" + section + "\" belongs in the on-call file "
                        + onCall.get().location().file() + ", which is given: move it there");
            }
            return onCall.get();
        }
        if (!inRouterFile.isEmpty()) {
            problems.warning(router.keyLocation(inRouterFile.get(0)), "deprecated: " + quoted(inRouterFile)
                    + (inRouterFile.size() == 1 ? " is" : " are") + " not Alertmanager's, so amtool check-config refuses this file; move them to an on-call "
                    + "file (e.g. oncall.yml beside this one) and name it in router.oncall.config");
        }
        return router;
    }

    private static String quoted(List<String> sections) {
        return String.join(", ", sections.stream().map(section -> "\"" + section + "\"").toList());
    }
}
