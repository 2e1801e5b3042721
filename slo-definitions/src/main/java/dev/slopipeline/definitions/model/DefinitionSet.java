package dev.slopipeline.definitions.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** A complete, cross-checked set of services and SLOs, in the order they were declared. */
public record DefinitionSet(Map<String, ServiceDefinition> services, Map<String, SloDefinition> slos) {

    public DefinitionSet {
        services = Collections.unmodifiableMap(new LinkedHashMap<>(services));
        slos = Collections.unmodifiableMap(new LinkedHashMap<>(slos));
    }

    public static DefinitionSet empty() {
        return new DefinitionSet(Map.of(), Map.of());
    }

    /** The service an SLO belongs to; present in every set that passed validation. */
    public Optional<ServiceDefinition> serviceOf(SloDefinition slo) {
        return Optional.ofNullable(services.get(slo.service()));
    }
}
