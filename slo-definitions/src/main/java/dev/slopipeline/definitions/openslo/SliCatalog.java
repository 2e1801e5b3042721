package dev.slopipeline.definitions.openslo;

import dev.slopipeline.definitions.model.Indicator;
import dev.slopipeline.kit.yaml.Problems;
import dev.slopipeline.kit.yaml.SourceLocation;
import dev.slopipeline.kit.yaml.Suggestions;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code kind: SLI} documents of the whole definition set, by name, so that an SLO's
 * {@code indicatorRef} resolves to an SLI in any file. Each SLI is translated once, when added,
 * so that its mistakes are reported once however many SLOs use it (and even if none does).
 */
final class SliCatalog {

    /** Empty for an SLI that has errors: they were reported when it was added. */
    private final Map<String, Optional<Indicator>> indicators = new HashMap<>();
    private final Map<String, SourceLocation> declaredAt = new HashMap<>();

    void add(OpenSloDocument document, Problems problems) {
        Optional<Metadata> metadata = document.requireMetadata(problems).map(map -> Metadata.read(map, true));
        Optional<String> name = metadata.flatMap(Metadata::name);
        String sli = name.map(n -> "SLI \"" + n + "\"").orElse("the SLI");
        Optional<Indicator> indicator = document.requireSpec(problems, sli).flatMap(spec -> Indicators.read(spec, sli));
        if (name.isEmpty()) {
            return;
        }
        SourceLocation where = metadata.get().nameLocation();
        SourceLocation first = declaredAt.putIfAbsent(name.get(), where);
        if (first != null) {
            problems.error(where, "duplicate SLI \"" + name.get() + "\": first declared at " + first);
            return;
        }
        indicators.put(name.get(), indicator);
    }

    Optional<Indicator> resolve(String name, SourceLocation where, Problems problems) {
        if (!indicators.containsKey(name)) {
            String hint = Suggestions.closest(name, indicators.keySet())
                    .map(s -> "did you mean \"" + s + "\"?")
                    .orElse("define one with kind: SLI and metadata.name: " + name + " in any file of the set");
            problems.error(where, "indicatorRef \"" + name + "\" names no SLI; " + hint);
            return Optional.empty();
        }
        return indicators.get(name);
    }
}
