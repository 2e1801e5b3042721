package dev.slopipeline.router.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slopipeline.kit.yaml.Problem;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The on-call sections in a file of their own beside the Alertmanager-format router file, and today's combined form,
 * still read with a deprecation warning.
 */
class OnCallFileTest {

    private static final String ROUTER = """
            route:
              receiver: pager
            receivers:
            - name: pager
            - name: oncall-mail
            """;

    private static final String ON_CALL = """
            users:
            - name: alice
              time_zone: Europe/Berlin
              contacts: [{type: email, address: alice@example.com}]
            escalation_policies:
            - name: payments
              levels: [{users: [alice]}]
            paging:
              receivers: {pager: payments}
              contacts: {email: oncall-mail}
            delivery:
              retry_initial_backoff: 2s
            """;

    @Test
    void shouldReadTheOnCallSectionsFromTheirOwnFileWithoutProblems() {
        LoadedConfig loaded = RouterConfigLoader.parse("router.yml", ROUTER, "oncall.yml", ON_CALL);

        assertThat(loaded.problems()).isEmpty();
        RouterConfig config = loaded.orElseThrow();
        assertThat(config.paging().onCall().users()).containsOnlyKeys("alice");
        assertThat(config.escalates("pager")).isTrue();
        assertThat(config.retryPolicy().base()).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void shouldStillReadTheCombinedFormWithOneWarningNamingWhatToMove() {
        LoadedConfig loaded = RouterConfigLoader.parse("router.yml", ROUTER + ON_CALL);

        assertThat(loaded.config()).isPresent();
        assertThat(loaded.orElseThrow().escalates("pager")).isTrue();
        assertThat(loaded.problems()).extracting(Problem::toString).containsExactly("router.yml:6:1: warning: "
                + "deprecated: \"users\", \"escalation_policies\", \"paging\", \"delivery\" are not Alertmanager's, so "
                + "amtool check-config refuses this file; move them to an on-call file (e.g. oncall.yml beside this "
                + "one) and name it in router.oncall.config");
    }

    @Test
    void shouldRefuseAnOnCallSectionLeftInTheRouterFileOnceAnOnCallFileIsGiven() {
        LoadedConfig loaded = RouterConfigLoader.parse("router.yml", ROUTER + """
                schedules: []
                """, "oncall.yml", ON_CALL);

        assertThat(loaded.config()).isEmpty();
        assertThat(loaded.problems()).extracting(Problem::toString).containsExactly(
                "router.yml:6:1: \"schedules\" belongs in the on-call file oncall.yml, which is given: move it there");
    }

    @Test
    void shouldLocateMistakesInTheOnCallFileAndCheckItsReceiversAgainstTheRouterFile() {
        LoadedConfig loaded = RouterConfigLoader.parse("router.yml", ROUTER, "oncall.yml", ON_CALL.replace(
                "contacts: {email: oncall-mail}", "contacts: {email: oncall-email}") + """
                route: {receiver: pager}
                """);

        assertThat(loaded.config()).isEmpty();
        assertThat(loaded.problems()).extracting(Problem::toString).containsExactly(
                "oncall.yml:10:21: \"email\" in \"contacts\" in \"paging\": receiver \"oncall-email\" is not declared "
                        + "under \"receivers\"",
                "oncall.yml:13:1: unknown field \"route\" in the on-call config; known fields: delivery, "
                        + "escalation_policies, heartbeat, paging, schedules, users");
    }

    @Test
    void shouldTakeAnEmptyOnCallFileAsNobodyToPage() {
        LoadedConfig loaded = RouterConfigLoader.parse("router.yml", ROUTER, "oncall.yml", "");

        assertThat(loaded.problems()).isEmpty();
        assertThat(loaded.orElseThrow().paging().onCall().users()).isEmpty();
    }
}
