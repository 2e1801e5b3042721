package dev.slopipeline.streams.classify;

import dev.slopipeline.definitions.model.DefinitionSet;
import dev.slopipeline.definitions.model.EventMatcher;
import dev.slopipeline.definitions.model.Indicator;
import dev.slopipeline.definitions.model.SloDefinition;
import dev.slopipeline.definitions.model.TextMatcher;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a raw event into good and bad counts for every journey SLO that selects it.
 *
 * <p>Built once per definition set. Matchers are indexed by service and exact operation, so the
 * cost of classifying an event depends on the matchers that could select it, not on how many SLOs
 * exist. An event that several matchers of one SLO select counts once for that SLO.
 */
public final class JourneyClassifier {

    /** Receives the verdict for one SLO; called at most once per SLO per event. */
    @FunctionalInterface
    public interface VerdictSink {
        void accept(SloDefinition slo, long good, long bad);
    }

    /** How a probe result counts towards a health SLI. */
    public enum ProbeResult { PASS, WARN, FAIL }

    private record Candidate(int sloIndex, SloDefinition slo, EventMatcher matcher) {
    }

    /** The candidates of one service: by exact operation, and those that must test every event. */
    private static final class ServiceIndex {
        final Map<String, Candidate[]> byOperation;
        final Candidate[] general;

        ServiceIndex(Map<String, List<Candidate>> byOperation, List<Candidate> general) {
            this.byOperation = new HashMap<>();
            byOperation.forEach((operation, candidates) -> this.byOperation.put(operation, candidates.toArray(Candidate[]::new)));
            this.general = general.toArray(Candidate[]::new);
        }
    }

    private final Map<String, ServiceIndex> requestIndex;
    private final Map<String, ServiceIndex> healthIndex;

    private JourneyClassifier(Map<String, ServiceIndex> requestIndex, Map<String, ServiceIndex> healthIndex) {
        this.requestIndex = requestIndex;
        this.healthIndex = healthIndex;
    }

    public static JourneyClassifier of(DefinitionSet definitions) {
        Map<String, Map<String, List<Candidate>>> requestExact = new LinkedHashMap<>();
        Map<String, List<Candidate>> requestGeneral = new LinkedHashMap<>();
        Map<String, Map<String, List<Candidate>>> healthExact = new LinkedHashMap<>();
        Map<String, List<Candidate>> healthGeneral = new LinkedHashMap<>();
        int index = 0;
        for (SloDefinition slo : definitions.slos().values()) {
            boolean requests = slo.indicator() instanceof Indicator.Requests;
            for (EventMatcher matcher : slo.indicator().match()) {
                Candidate candidate = new Candidate(index, slo, matcher);
                if (matcher.operation() instanceof TextMatcher.Exact exact) {
                    (requests ? requestExact : healthExact)
                            .computeIfAbsent(matcher.service(), s -> new LinkedHashMap<>())
                            .computeIfAbsent(exact.value(), o -> new ArrayList<>())
                            .add(candidate);
                } else {
                    (requests ? requestGeneral : healthGeneral)
                            .computeIfAbsent(matcher.service(), s -> new ArrayList<>())
                            .add(candidate);
                }
            }
            index++;
        }
        return new JourneyClassifier(build(requestExact, requestGeneral), build(healthExact, healthGeneral));
    }

    private static Map<String, ServiceIndex> build(Map<String, Map<String, List<Candidate>>> exact, Map<String, List<Candidate>> general) {
        Map<String, ServiceIndex> result = new HashMap<>();
        Set<String> services = new LinkedHashSet<>(exact.keySet());
        services.addAll(general.keySet());
        for (String service : services) {
            result.put(service, new ServiceIndex(exact.getOrDefault(service, Map.of()), general.getOrDefault(service, List.of())));
        }
        return result;
    }

    /** Classifies a request event ({@code count} identical outcomes) for every SLO that selects it. */
    public void classifyRequest(String service, String operation, Map<String, String> attributes,
                                int status, double latencyMs, long count, VerdictSink sink) {
        ServiceIndex index = requestIndex.get(service);
        if (index == null) {
            return;
        }
        SeenSlos seen = new SeenSlos();
        Candidate[] exact = index.byOperation.get(operation);
        if (exact != null) {
            for (Candidate candidate : exact) {
                emitRequest(candidate, service, operation, attributes, status, latencyMs, count, seen, sink);
            }
        }
        for (Candidate candidate : index.general) {
            emitRequest(candidate, service, operation, attributes, status, latencyMs, count, seen, sink);
        }
    }

    private static void emitRequest(Candidate candidate, String service, String operation, Map<String, String> attributes,
                                    int status, double latencyMs, long count, SeenSlos seen, VerdictSink sink) {
        if (seen.contains(candidate.sloIndex) || !candidate.matcher.matches(service, operation, attributes)) {
            return;
        }
        seen.add(candidate.sloIndex);
        boolean good = ((Indicator.Requests) candidate.slo.indicator()).isGood(status, latencyMs);
        sink.accept(candidate.slo, good ? count : 0, good ? 0 : count);
    }

    /** Classifies a synthetic probe result for every health SLO that selects its service and check. */
    public void classifyHealth(String service, String check, Map<String, String> attributes,
                               ProbeResult result, long count, VerdictSink sink) {
        ServiceIndex index = healthIndex.get(service);
        if (index == null) {
            return;
        }
        SeenSlos seen = new SeenSlos();
        Candidate[] exact = index.byOperation.get(check);
        if (exact != null) {
            for (Candidate candidate : exact) {
                emitHealth(candidate, service, check, attributes, result, count, seen, sink);
            }
        }
        for (Candidate candidate : index.general) {
            emitHealth(candidate, service, check, attributes, result, count, seen, sink);
        }
    }

    private static void emitHealth(Candidate candidate, String service, String check, Map<String, String> attributes,
                                   ProbeResult result, long count, SeenSlos seen, VerdictSink sink) {
        if (seen.contains(candidate.sloIndex) || !candidate.matcher.matches(service, check, attributes)) {
            return;
        }
        seen.add(candidate.sloIndex);
        Indicator.WarnCounts warn = ((Indicator.Health) candidate.slo.indicator()).warn();
        boolean good;
        switch (result) {
            case PASS -> good = true;
            case FAIL -> good = false;
            default -> {
                if (warn == Indicator.WarnCounts.IGNORED) {
                    return;
                }
                good = warn == Indicator.WarnCounts.GOOD;
            }
        }
        sink.accept(candidate.slo, good ? count : 0, good ? 0 : count);
    }

    /** Whether any SLO selects events of this service as a health SLI (other health events are context only). */
    public boolean hasHealthIndicatorFor(String service) {
        return healthIndex.containsKey(service);
    }

    /**
     * The SLOs already counted for the current event. Almost every event matches a handful of SLOs,
     * so a short array scan beats a hash set and allocates far less.
     */
    private static final class SeenSlos {
        private int[] indexes = new int[4];
        private int size;

        boolean contains(int index) {
            for (int i = 0; i < size; i++) {
                if (indexes[i] == index) {
                    return true;
                }
            }
            return false;
        }

        void add(int index) {
            if (size == indexes.length) {
                indexes = Arrays.copyOf(indexes, size * 2);
            }
            indexes[size++] = index;
        }
    }
}
