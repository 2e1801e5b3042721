package dev.slopipeline.bench;

import dev.slopipeline.definitions.event.RequestEvent;
import dev.slopipeline.definitions.model.AlertingSpec;
import dev.slopipeline.definitions.model.Budgeting;
import dev.slopipeline.definitions.model.DefinitionSet;
import dev.slopipeline.definitions.model.EventMatcher;
import dev.slopipeline.definitions.model.Grouping;
import dev.slopipeline.definitions.model.Indicator;
import dev.slopipeline.definitions.model.ServiceDefinition;
import dev.slopipeline.definitions.model.SloDefinition;
import dev.slopipeline.definitions.model.SloWindow;
import dev.slopipeline.definitions.model.StatusRule;
import dev.slopipeline.definitions.model.TextMatcher;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Random;

/**
 * Definitions and traffic of a shop with a chosen number of SLOs. Each SLO selects one operation of
 * one service (every 50th by regex), so an event concerns about one SLO whatever their number:
 * the cost per event should stay flat as SLOs are added. A split shop splits every SLO by the events'
 * {@code tenant} attribute into a given number of series ({@code groupBy: [tenant]}).
 */
public final class SyntheticShop {

    private static final String TENANT = "tenant";

    public final DefinitionSet definitions;
    public final int services;
    public final int operationsPerService;
    private final int sloCount;
    private final int tenants;

    public SyntheticShop(int sloCount) {
        this(sloCount, 1);
    }

    /** @param tenants series per SLO: 1 leaves the SLOs unsplit, more splits each by {@code tenant} into that many */
    public SyntheticShop(int sloCount, int tenants) {
        this.sloCount = sloCount;
        this.tenants = tenants;
        this.services = Math.max(2, sloCount / 5);
        this.operationsPerService = (sloCount + services - 1) / services;
        Map<String, SloDefinition> slos = new LinkedHashMap<>();
        for (int i = 0; i < sloCount; i++) {
            String operation = operation(i);
            TextMatcher matcher = byRegex(i)
                    ? TextMatcher.Regex.compile(operation + "(/.*)?")
                    : new TextMatcher.Exact(operation);
            Indicator indicator = new Indicator.Requests(
                    List.of(new EventMatcher(service(i), matcher, Map.of())),
                    new StatusRule.Below(500), OptionalDouble.of(1000));
            String name = sloName(i);
            slos.put(name, new SloDefinition(name, Map.of(), null, "shop", null, indicator, 99.9,
                    new SloWindow.Rolling(Duration.ofDays(30)), new Budgeting.Occurrences(), AlertingSpec.defaults(),
                    tenants > 1 ? new Grouping(List.of(TENANT), tenants) : Grouping.none()));
        }
        this.definitions = new DefinitionSet(
                Map.of("shop", new ServiceDefinition("shop", "team-shop", 1, null, null, Map.of(), Map.of())), slos);
    }

    public int sloCount() {
        return sloCount;
    }

    /** Series per SLO. */
    public int tenants() {
        return tenants;
    }

    public static String sloName(int slo) {
        return "slo-" + slo;
    }

    /** The service whose events SLO number {@code slo} selects. */
    public String service(int slo) {
        return "svc-" + (slo % services);
    }

    /** The operation whose events SLO number {@code slo} selects. */
    public String operation(int slo) {
        return "POST /op-" + (slo / services);
    }

    private static boolean byRegex(int slo) {
        return slo % 50 == 49;
    }

    /**
     * The same SLOs as {@code slo apply} reads them: one service ({@code shop}, tier 1) and the SLOs,
     * 99.9 % over 30 days with the default alert pairs.
     */
    public String yaml() {
        StringBuilder out = new StringBuilder("""
                apiVersion: slo-pipeline/v1
                kind: Service
                metadata: {name: shop}
                spec: {owner: team-shop, tier: 1}
                """);
        for (int i = 0; i < sloCount; i++) {
            String operation = byRegex(i) ? "{regex: \"" + operation(i) + "(/.*)?\"}" : "\"" + operation(i) + "\"";
            out.append("""
                    ---
                    apiVersion: slo-pipeline/v1
                    kind: SLO
                    metadata: {name: %s}
                    spec:
                      service: shop
                      journey: %s
                      indicator:
                        match:
                          - {service: %s, operation: %s}
                        good: {status: {below: 500}, latency_ms: {atMost: 1000}}
                      objective: 99.9
                      window: 30d
                    """.formatted(sloName(i), sloName(i), service(i), operation));
            if (tenants > 1) {
                out.append("  groupBy: [" + TENANT + "]\n  maxSeries: " + tenants + "\n");
            }
        }
        return out.toString();
    }

    /** One request event of SLO number {@code slo}. */
    public RequestEvent event(int slo, Instant time, int status, long count) {
        return new RequestEvent(time, service(slo), operation(slo), status, 120.0, count, Map.of("region", "eu"));
    }

    /** One request event of series {@code tenant} (0 to {@link #tenants()} - 1) of SLO number {@code slo}. */
    public RequestEvent event(int slo, int tenant, Instant time, int status, long count) {
        return new RequestEvent(time, service(slo), operation(slo), status, 120.0, count,
                Map.of("region", "eu", TENANT, "t-" + tenant));
    }

    /** Events over the shop's operations: 0.5 % server errors, latencies up to 1.2 s. */
    public RequestEvent[] events(int count, long seed) {
        return events(count, seed, Instant.parse("2026-11-23T10:00:00Z"), Duration.ofMillis(10), 1);
    }

    /**
     * Events over the shop's operations from {@code start}, {@code spacing} apart: 0.5 % server errors,
     * latencies up to 1.2 s, each with a count from 1 to {@code maxCount}.
     */
    public RequestEvent[] events(int count, long seed, Instant start, Duration spacing, int maxCount) {
        Random random = new Random(seed);
        RequestEvent[] events = new RequestEvent[count];
        for (int i = 0; i < count; i++) {
            events[i] = randomEvent(random, start.plusNanos(i * spacing.toNanos()), maxCount);
        }
        return events;
    }

    /** One event of a random operation at {@code time}: 0.5 % server errors, a count from 1 to {@code maxCount}. */
    public RequestEvent randomEvent(Random random, Instant time, int maxCount) {
        String service = "svc-" + random.nextInt(services);
        String operation = "POST /op-" + random.nextInt(operationsPerService);
        int status = random.nextInt(1000) < 5 ? 503 : 200;
        long multiplicity = maxCount == 1 ? 1 : 1 + random.nextInt(maxCount);
        return new RequestEvent(time, service, operation, status, random.nextDouble() * 1200, multiplicity,
                Map.of("region", random.nextBoolean() ? "eu" : "us"));
    }
}
