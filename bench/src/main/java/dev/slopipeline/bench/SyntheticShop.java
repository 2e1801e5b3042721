package dev.slopipeline.bench;

import dev.slopipeline.definitions.event.RequestEvent;
import dev.slopipeline.definitions.model.AlertingSpec;
import dev.slopipeline.definitions.model.Budgeting;
import dev.slopipeline.definitions.model.DefinitionSet;
import dev.slopipeline.definitions.model.EventMatcher;
import dev.slopipeline.definitions.model.Indicator;
import dev.slopipeline.definitions.model.SloDefinition;
import dev.slopipeline.definitions.model.SloWindow;
import dev.slopipeline.definitions.model.StatusRule;
import dev.slopipeline.definitions.model.TextMatcher;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Random;

/**
 * Definitions and traffic of a shop with a chosen number of SLOs. Each SLO selects one operation of
 * one service (every 50th by regex), so an event concerns about one SLO whatever their number:
 * the cost per event should stay flat as SLOs are added.
 */
final class SyntheticShop {

    final DefinitionSet definitions;
    final int services;
    final int operationsPerService;

    SyntheticShop(int sloCount) {
        this.services = Math.max(2, sloCount / 5);
        this.operationsPerService = (sloCount + services - 1) / services;
        Map<String, SloDefinition> slos = new LinkedHashMap<>();
        for (int i = 0; i < sloCount; i++) {
            String service = "svc-" + (i % services);
            String operation = "POST /op-" + (i / services);
            TextMatcher matcher = i % 50 == 49
                    ? TextMatcher.Regex.compile("POST /op-" + (i / services) + "(/.*)?")
                    : new TextMatcher.Exact(operation);
            Indicator indicator = new Indicator.Requests(
                    java.util.List.of(new EventMatcher(service, matcher, Map.of())),
                    new StatusRule.Below(500), OptionalDouble.of(1000));
            String name = "slo-" + i;
            slos.put(name, new SloDefinition(name, Map.of(), null, "shop", null, indicator, 99.9,
                    new SloWindow.Rolling(Duration.ofDays(30)), new Budgeting.Occurrences(), AlertingSpec.defaults()));
        }
        this.definitions = new DefinitionSet(Map.of(), slos);
    }

    /** Events over the shop's operations: 0.5 % server errors, latencies up to 1.2 s. */
    RequestEvent[] events(int count, long seed) {
        Random random = new Random(seed);
        RequestEvent[] events = new RequestEvent[count];
        Instant start = Instant.parse("2026-11-23T10:00:00Z");
        for (int i = 0; i < count; i++) {
            String service = "svc-" + random.nextInt(services);
            String operation = "POST /op-" + random.nextInt(operationsPerService);
            int status = random.nextInt(1000) < 5 ? 503 : 200;
            events[i] = new RequestEvent(start.plusMillis(i * 10L), service, operation, status,
                    random.nextDouble() * 1200, 1, Map.of("region", random.nextBoolean() ? "eu" : "us"));
        }
        return events;
    }
}
