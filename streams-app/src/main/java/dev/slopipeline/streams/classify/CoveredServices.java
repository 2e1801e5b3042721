package dev.slopipeline.streams.classify;

import dev.slopipeline.definitions.model.DefinitionSet;
import dev.slopipeline.definitions.model.EventMatcher;
import dev.slopipeline.definitions.model.SloDefinition;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which SLOs a service's health bears on: those with a matcher naming the service, whatever the
 * indicator's source. A failing database ping on {@code payments} is context for every journey that
 * counts a {@code payments} event, though it never counts towards one itself.
 */
public final class CoveredServices {

    private final Map<String, List<String>> slosByService;

    private CoveredServices(Map<String, List<String>> slosByService) {
        this.slosByService = slosByService;
    }

    public static CoveredServices of(DefinitionSet definitions) {
        Map<String, Set<String>> collected = new HashMap<>();
        for (SloDefinition slo : definitions.slos().values()) {
            for (EventMatcher matcher : slo.indicator().match()) {
                collected.computeIfAbsent(matcher.service(), s -> new LinkedHashSet<>()).add(slo.name());
            }
        }
        Map<String, List<String>> slosByService = new HashMap<>();
        collected.forEach((service, slos) -> slosByService.put(service, List.copyOf(new ArrayList<>(slos))));
        return new CoveredServices(slosByService);
    }

    /** The SLOs whose matchers name the service, in declaration order; empty for an unknown service. */
    public List<String> slosCovering(String service) {
        return slosByService.getOrDefault(service, List.of());
    }
}
