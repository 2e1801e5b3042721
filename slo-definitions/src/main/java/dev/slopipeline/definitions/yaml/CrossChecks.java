package dev.slopipeline.definitions.yaml;

import dev.slopipeline.kit.yaml.Problems;
import dev.slopipeline.kit.yaml.SourceLocation;
import dev.slopipeline.kit.yaml.Suggestions;

import dev.slopipeline.definitions.model.DefinitionSet;
import dev.slopipeline.definitions.model.ServiceDefinition;
import dev.slopipeline.definitions.model.SloDefinition;
import dev.slopipeline.definitions.yaml.Declarations.Name;
import dev.slopipeline.definitions.yaml.Declarations.ServiceReference;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The checks that need the whole set: names unique across all files, SLOs naming a known service,
 * and alert pairs that fit their SLO (see {@link PairChecks}). Our own documents and translated
 * ones meet the same checks. Names and service references count even from invalid SLOs; pairs are
 * checked only on valid ones, whose window and objective are known. The set returned holds what
 * passed; the first of two equal names wins.
 */
final class CrossChecks {

    private CrossChecks() {
    }

    static DefinitionSet check(Declarations declarations, Problems problems) {
        Set<SourceLocation> firsts = firstOfEachName(declarations.names(), problems);
        Set<String> serviceNames = new TreeSet<>();
        declarations.names().stream().filter(n -> n.kind() == Kind.SERVICE).forEach(n -> serviceNames.add(n.name()));
        for (ServiceReference reference : declarations.serviceReferences()) {
            if (!serviceNames.contains(reference.service())) {
                reportUnknownService(reference, serviceNames, problems);
            }
        }

        Map<String, ServiceDefinition> services = new LinkedHashMap<>();
        for (Declared<ServiceDefinition> service : inFileOrder(declarations.services())) {
            if (firsts.contains(Declarations.nameLocation(service))) {
                services.put(service.definition().name(), service.definition());
            }
        }
        Map<String, SloDefinition> slos = new LinkedHashMap<>();
        for (Declared<SloDefinition> declared : inFileOrder(declarations.slos())) {
            SloDefinition slo = declared.definition();
            Optional<ServiceDefinition> service = Optional.ofNullable(services.get(slo.service()));
            int tier = service.map(ServiceDefinition::tier).orElse(ServiceDefinition.DEFAULT_TIER);
            boolean pairsFit = PairChecks.check(declared, tier, problems);
            // a known service that is itself invalid has been reported; its SLOs wait for it to be fixed
            if (service.isPresent() && pairsFit && firsts.contains(Declarations.nameLocation(declared))) {
                slos.put(slo.name(), slo);
            }
        }
        return new DefinitionSet(services, slos);
    }

    /** Reports every name declared before (in file order) and returns where the first of each was declared. */
    private static Set<SourceLocation> firstOfEachName(List<Name> names, Problems problems) {
        Map<String, Name> first = new HashMap<>();
        List<Name> ordered = names.stream().sorted(Comparator.comparing(Name::at, SourceLocation.IN_FILE_ORDER)).toList();
        for (Name name : ordered) {
            Name earlier = first.putIfAbsent(name.kind() + "/" + name.name(), name);
            if (earlier != null) {
                problems.error(name.at(), name.kind().wireName() + " \"" + name.name() + "\" is already defined at "
                        + earlier.at() + "; names must be unique across all files");
            }
        }
        Set<SourceLocation> firsts = new HashSet<>();
        first.values().forEach(name -> firsts.add(name.at()));
        return firsts;
    }

    private static void reportUnknownService(ServiceReference reference, Set<String> serviceNames, Problems problems) {
        String name = reference.service();
        String hint = Suggestions.closest(name, serviceNames)
                .map(s -> "; did you mean \"" + s + "\"?")
                .orElse(serviceNames.isEmpty()
                        ? "; no Service is defined: add a document of kind Service named \"" + name + "\""
                        : "; define it in a document of kind Service, or use one of: " + String.join(", ", serviceNames));
        problems.error(reference.at(), "SLO \"" + reference.slo() + "\" names the unknown service \"" + name + "\"" + hint);
    }

    private static <T> List<Declared<T>> inFileOrder(List<Declared<T>> declared) {
        return declared.stream().sorted(Comparator.comparing(Declared::location, SourceLocation.IN_FILE_ORDER)).toList();
    }
}
