package dev.slopipeline.streams.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.slopipeline.definitions.model.AlertingSpec;
import dev.slopipeline.definitions.model.Budgeting;
import dev.slopipeline.definitions.model.DefinitionSet;
import dev.slopipeline.definitions.model.EventMatcher;
import dev.slopipeline.definitions.model.Indicator;
import dev.slopipeline.definitions.model.SloDefinition;
import dev.slopipeline.definitions.model.SloWindow;
import dev.slopipeline.definitions.model.StatusRule;
import dev.slopipeline.definitions.model.TextMatcher;
import dev.slopipeline.streams.classify.JourneyClassifier.ProbeResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JourneyClassifierTest {

    record Verdict(String slo, long good, long bad) {
    }

    private static SloDefinition requests(String name, StatusRule status, OptionalDouble latency, EventMatcher... match) {
        return slo(name, new Indicator.Requests(List.of(match), status, latency));
    }

    private static SloDefinition slo(String name, Indicator indicator) {
        return new SloDefinition(name, Map.of(), null, "shop", null, indicator, 99.9,
                new SloWindow.Rolling(Duration.ofDays(30)), new Budgeting.Occurrences(), AlertingSpec.defaults());
    }

    private static EventMatcher exact(String service, String operation) {
        return new EventMatcher(service, new TextMatcher.Exact(operation), Map.of());
    }

    private static DefinitionSet set(SloDefinition... slos) {
        Map<String, SloDefinition> byName = new LinkedHashMap<>();
        for (SloDefinition slo : slos) {
            byName.put(slo.name(), slo);
        }
        return new DefinitionSet(Map.of(), byName);
    }

    private static List<Verdict> request(JourneyClassifier classifier, String service, String operation,
                                         Map<String, String> attributes, int status, double latency, long count) {
        List<Verdict> verdicts = new ArrayList<>();
        classifier.classifyRequest(service, operation, attributes, status, latency, count,
                (slo, good, bad) -> verdicts.add(new Verdict(slo.name(), good, bad)));
        return verdicts;
    }

    @Test
    void shouldBuildACheckoutJourneyFromTwoServicesEvents() {
        SloDefinition checkout = requests("checkout-availability", new StatusRule.Below(500), OptionalDouble.empty(),
                exact("checkout-api", "POST /checkout"),
                new EventMatcher("payments", TextMatcher.Regex.compile("POST /charge.*"), Map.of()));
        JourneyClassifier classifier = JourneyClassifier.of(set(checkout));

        assertThat(request(classifier, "checkout-api", "POST /checkout", Map.of(), 200, 12, 1))
                .containsExactly(new Verdict("checkout-availability", 1, 0));
        assertThat(request(classifier, "payments", "POST /charge/card", Map.of(), 503, 80, 3))
                .containsExactly(new Verdict("checkout-availability", 0, 3));
        assertThat(request(classifier, "payments", "GET /POST /charge", Map.of(), 503, 80, 1))
                .as("the regex is anchored at both ends").isEmpty();
        assertThat(request(classifier, "cart-api", "POST /checkout", Map.of(), 500, 1, 1))
                .as("another service's events do not belong to the journey").isEmpty();
    }

    @Test
    void shouldClassifyAnOperationThatWouldMakeABacktrackingEngineStallInLinearTime() {
        SloDefinition charges = requests("charges", new StatusRule.Below(500), OptionalDouble.empty(),
                new EventMatcher("payments", TextMatcher.Regex.compile("(.*a){8}"), Map.of()));
        JourneyClassifier classifier = JourneyClassifier.of(set(charges));
        // a producer controls the operation; java.util.regex needs about 2 s for 41 characters here, and its time
        // grows with the eighth power of the length
        String hostile = "a".repeat(10_000) + "!";

        List<Verdict> verdicts = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> request(classifier, "payments", hostile, Map.of(), 200, 5, 1));

        assertThat(verdicts).isEmpty();
        assertThat(request(classifier, "payments", "a".repeat(8), Map.of(), 200, 5, 1))
                .containsExactly(new Verdict("charges", 1, 0));
    }

    /** search-latency: good below status 500 and within 300 ms. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            a request as fast as the threshold is good | 200 | 300   | 1 | 0
            a request slower than the threshold is bad | 200 | 300.5 | 0 | 1
            a fast server error is bad                 | 500 | 10    | 0 | 1
            without a latency the status decides       | 200 | NaN   | 1 | 0
            """)
    void shouldJudgeLatencyAndStatusTogether(String behaviour, int status, double latency, long good, long bad) {
        SloDefinition fast = requests("search-latency", new StatusRule.Below(500), OptionalDouble.of(300),
                new EventMatcher("search-api", null, Map.of()));
        JourneyClassifier classifier = JourneyClassifier.of(set(fast));

        assertThat(request(classifier, "search-api", "GET /search", Map.of(), status, latency, 1)).as(behaviour)
                .containsExactly(new Verdict("search-latency", good, bad));
    }

    @Test
    void shouldRequireEqualAttributes() {
        SloDefinition eu = requests("checkout-eu", new StatusRule.Below(500), OptionalDouble.empty(),
                new EventMatcher("checkout-api", null, Map.of("region", "eu")));
        JourneyClassifier classifier = JourneyClassifier.of(set(eu));

        assertThat(request(classifier, "checkout-api", "POST /checkout", Map.of("region", "eu", "az", "1"), 200, 1, 1)).hasSize(1);
        assertThat(request(classifier, "checkout-api", "POST /checkout", Map.of("region", "us"), 200, 1, 1)).isEmpty();
        assertThat(request(classifier, "checkout-api", "POST /checkout", Map.of(), 200, 1, 1)).isEmpty();
    }

    @Test
    void shouldCountAnEventOnceForAnSloThatSelectsItTwice() {
        SloDefinition overlapping = requests("checkout-availability", new StatusRule.Below(500), OptionalDouble.empty(),
                exact("checkout-api", "POST /checkout"),
                new EventMatcher("checkout-api", TextMatcher.Regex.compile("POST .*"), Map.of()),
                new EventMatcher("checkout-api", null, Map.of()));
        SloDefinition other = requests("everything", new StatusRule.AnyOf(java.util.Set.of(200)), OptionalDouble.empty(),
                new EventMatcher("checkout-api", null, Map.of()));
        JourneyClassifier classifier = JourneyClassifier.of(set(overlapping, other));

        assertThat(request(classifier, "checkout-api", "POST /checkout", Map.of(), 201, 1, 1))
                .containsExactlyInAnyOrder(new Verdict("checkout-availability", 1, 0), new Verdict("everything", 0, 1));
    }

    @Test
    void shouldCountProbeResultsWithTheConfiguredWarnPolicy() {
        EventMatcher probe = exact("login", "synthetic-login");
        JourneyClassifier classifier = JourneyClassifier.of(set(
                slo("warn-good", new Indicator.Health(List.of(probe), Indicator.WarnCounts.GOOD)),
                slo("warn-bad", new Indicator.Health(List.of(probe), Indicator.WarnCounts.BAD)),
                slo("warn-ignored", new Indicator.Health(List.of(probe), Indicator.WarnCounts.IGNORED))));
        List<Verdict> verdicts = new ArrayList<>();
        JourneyClassifier.VerdictSink sink = (slo, good, bad) -> verdicts.add(new Verdict(slo.name(), good, bad));

        classifier.classifyHealth("login", "synthetic-login", Map.of(), ProbeResult.WARN, 1, sink);
        assertThat(verdicts).containsExactly(new Verdict("warn-good", 1, 0), new Verdict("warn-bad", 0, 1));

        verdicts.clear();
        classifier.classifyHealth("login", "synthetic-login", Map.of(), ProbeResult.FAIL, 2, sink);
        assertThat(verdicts).extracting(Verdict::bad).containsExactly(2L, 2L, 2L);

        verdicts.clear();
        classifier.classifyHealth("login", "db-ping", Map.of(), ProbeResult.FAIL, 1, sink);
        assertThat(verdicts).as("a component check is context, not an SLI").isEmpty();
        assertThat(classifier.hasHealthIndicatorFor("payments")).isFalse();
    }

    @Test
    void shouldAgreeWithScanningEveryMatcherOfEverySlo() {
        Random random = new Random(42);
        String[] services = {"a", "b", "c", "d"};
        String[] operations = {"GET /x", "POST /y", "POST /y/1", "DELETE /z"};
        List<SloDefinition> slos = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            List<EventMatcher> matchers = new ArrayList<>();
            for (int m = 0; m <= random.nextInt(3); m++) {
                String service = services[random.nextInt(services.length)];
                TextMatcher operation = switch (random.nextInt(3)) {
                    case 0 -> null;
                    case 1 -> new TextMatcher.Exact(operations[random.nextInt(operations.length)]);
                    default -> TextMatcher.Regex.compile("POST /y.*");
                };
                matchers.add(new EventMatcher(service, operation, random.nextBoolean() ? Map.of() : Map.of("region", "eu")));
            }
            slos.add(requests("slo-" + i, new StatusRule.Below(400 + random.nextInt(200)), OptionalDouble.empty(),
                    matchers.toArray(EventMatcher[]::new)));
        }
        JourneyClassifier classifier = JourneyClassifier.of(set(slos.toArray(SloDefinition[]::new)));

        for (int e = 0; e < 2_000; e++) {
            String service = services[random.nextInt(services.length)];
            String operation = operations[random.nextInt(operations.length)];
            Map<String, String> attributes = random.nextBoolean() ? Map.of("region", "eu") : Map.of();
            int status = 200 + random.nextInt(400);

            List<Verdict> expected = new ArrayList<>();
            for (SloDefinition slo : slos) {
                if (slo.indicator().match().stream().anyMatch(m -> m.matches(service, operation, attributes))) {
                    boolean good = ((Indicator.Requests) slo.indicator()).isGood(status, 1);
                    expected.add(new Verdict(slo.name(), good ? 1 : 0, good ? 0 : 1));
                }
            }
            assertThat(request(classifier, service, operation, attributes, status, 1, 1))
                    .containsExactlyInAnyOrderElementsOf(expected);
        }
    }
}
