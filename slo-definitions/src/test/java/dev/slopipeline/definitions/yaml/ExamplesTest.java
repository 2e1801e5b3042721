package dev.slopipeline.definitions.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.slopipeline.definitions.model.DefinitionSet;
import dev.slopipeline.definitions.model.Indicator;
import dev.slopipeline.definitions.model.Severity;
import dev.slopipeline.definitions.model.SloDefinition;
import dev.slopipeline.definitions.policy.AlertPair;
import dev.slopipeline.definitions.policy.BurnRatePolicy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The shop in {@code examples/}: it must lint clean, and its SLOs must alert as the tiers say. */
class ExamplesTest {

    static final Path EXAMPLES = Path.of("examples");

    private static LoadResult result;

    @BeforeAll
    static void loadExamples() {
        result = DefinitionLoader.load(List.of(EXAMPLES));
    }

    @Test
    void shouldLoadWithoutErrorsOrWarnings() {
        assertThat(result.problems()).isEmpty();
    }

    @Test
    void shouldDefineTheShopsServicesAndJourneys() {
        DefinitionSet set = result.definitions();

        assertThat(set.services()).containsOnlyKeys(
                "storefront-web", "cart", "checkout", "payments", "search", "login", "recommendations");
        assertThat(set.slos().keySet()).containsExactly(
                "browse-availability", "recommendations-availability", "add-to-cart-latency", "add-to-cart-availability",
                "checkout-availability", "checkout-latency", "login-availability", "login-latency", "search-latency");
        assertThat(set.slos().values()).extracting(SloDefinition::journey)
                .containsOnly("browse", "add-to-cart", "checkout", "login", "search");
    }

    @Test
    void shouldBuildJourneysFromSeveralEmittersEvents() {
        SloDefinition checkout = slo("checkout-availability");

        assertThat(checkout.indicator().match()).extracting(m -> m.service()).containsExactly("checkout-api", "payments");
        assertThat(checkout.indicator().match().get(1).attributes()).containsEntry("flow", "checkout");
        assertThat(slo("login-availability").indicator()).isInstanceOf(Indicator.Health.class);
    }

    @Test
    void shouldSelectTheServerSpansOfTheProductionCartByTheirRouteTemplate() {
        SloDefinition latency = slo("add-to-cart-latency");
        Indicator.Requests indicator = (Indicator.Requests) latency.indicator();
        String operation = "PUT /carts/{cartId}/items/{itemId}";

        assertThat(indicator.match()).anyMatch(m -> m.matches("cart-api", operation, Map.of("deployment.environment.name", "prod",
                "service.name", "cart-api", "http.route", "/carts/{cartId}/items/{itemId}")));
        assertThat(indicator.match()).noneMatch(m -> m.matches("cart-api", operation, Map.of("deployment.environment.name", "staging")));
        assertThat(indicator.isGood(200, 180.0)).isTrue();
        assertThat(indicator.isGood(200, 400.0)).isFalse();
        assertThat(indicator.isGood(500, 20.0)).isFalse();
    }

    @Test
    void shouldGiveATierOneRollingSloTheWorkbookPairsScaledToItsWindow() {
        List<AlertPair> pairs = pairs("browse-availability");

        assertThat(pairs).extracting(AlertPair::name).containsExactly("page-fast", "page-slow", "ticket-fast", "ticket-slow");
        assertThat(pairs).extracting(AlertPair::severity)
                .containsExactly(Severity.PAGE, Severity.PAGE, Severity.TICKET, Severity.TICKET);
        // 28 days: 2 % of the budget in 1 h is a burn rate of 0.02 × 672 h / 1 h
        assertThat(pairs.get(0).factor()).isCloseTo(13.44, within(1e-9));
    }

    @Test
    void shouldApplyTheCheckoutOverridesOnTopOfTheMonthlyDefaults() {
        List<AlertPair> pairs = pairs("checkout-availability");

        assertThat(pairs).extracting(AlertPair::name).containsExactly("page-fast", "page-slow", "ticket-fast", "weekly-review");
        AlertPair pageFast = pairs.get(0);
        assertThat(pageFast.longWindow()).isEqualTo(Duration.ofHours(2));
        assertThat(pageFast.shortWindow()).isEqualTo(Duration.ofMinutes(10));
        assertThat(pageFast.factor()).isCloseTo(7.2, within(1e-9));
        AlertPair weekly = pairs.get(3);
        assertThat(weekly.severity()).isEqualTo(Severity.NOTIFY);
        assertThat(weekly.factor()).isCloseTo(0.2 * 30 / 7, within(1e-9));
    }

    @Test
    void shouldPageForATierTwoServiceAndOnlyNotifyForATierFourOne() {
        assertThat(pairs("search-latency")).extracting(AlertPair::severity)
                .containsExactly(Severity.PAGE, Severity.PAGE, Severity.TICKET, Severity.TICKET);
        assertThat(pairs("recommendations-availability")).extracting(AlertPair::severity).containsOnly(Severity.NOTIFY);
    }

    @Test
    void shouldGuardTheLowTrafficJourney() {
        assertThat(pairs("add-to-cart-availability")).extracting(AlertPair::minEvents).containsOnly(50L);
        assertThat(pairs("checkout-latency")).extracting(AlertPair::minEvents).containsOnly(0L);
    }

    @Test
    void shouldOnlyHavePairsThatCanFire() {
        for (SloDefinition slo : result.definitions().slos().values()) {
            assertThat(pairs(slo.name())).allMatch(AlertPair::canFire);
        }
    }

    private static SloDefinition slo(String name) {
        return result.definitions().slos().get(name);
    }

    private static List<AlertPair> pairs(String sloName) {
        SloDefinition slo = slo(sloName);
        int tier = result.definitions().serviceOf(slo).orElseThrow().tier();
        return BurnRatePolicy.pairsFor(slo, tier);
    }
}
