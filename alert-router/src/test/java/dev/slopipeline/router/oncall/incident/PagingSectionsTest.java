package dev.slopipeline.router.oncall.incident;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slopipeline.router.config.LoadedConfig;
import dev.slopipeline.router.config.RouterConfigLoader;
import dev.slopipeline.router.oncall.schedule.ContactType;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The paging and heartbeat sections: what they configure, and what the user is told when they are wrong. */
class PagingSectionsTest {

    private static final String BASE = """
            route: {receiver: pager}
            receivers:
            - name: pager
            - name: oncall-email
              webhook_configs: [{url: 'http://hooks.example/email'}]
            users:
              - {name: alice, time_zone: UTC, contacts: [{type: email, address: a@example.com}, {type: slack, address: "@a"}]}
            escalation_policies:
              - {name: payments, levels: [{users: [alice]}]}
            """;

    private static LoadedConfig load(String extra) {
        return RouterConfigLoader.parse("router.yml", BASE + extra);
    }

    private static String problems(LoadedConfig loaded) {
        return loaded.problems().toString();
    }

    @Test
    void shouldReadReceiversContactsLinksAndHeartbeat() {
        LoadedConfig loaded = load("""
                paging:
                  receivers: {pager: payments}
                  contacts: {email: oncall-email}
                  ack_links: {secret_env: ACK_SECRET, valid_for: 1h}
                heartbeat: {silent_after: 5m, receiver: pager, ping_url: 'https://hc.example/ping/x'}
                """);
        var paging = loaded.config().orElseThrow().paging();
        assertThat(paging.options().policyFor("pager")).contains("payments");
        assertThat(paging.options().receiverFor(ContactType.EMAIL)).contains("oncall-email");
        assertThat(paging.options().ackLinks().orElseThrow().validFor()).isEqualTo(Duration.ofHours(1));
        assertThat(paging.options().ackLinks().orElseThrow().secret().toString()).isEqualTo("env:ACK_SECRET");
        assertThat(paging.heartbeat().orElseThrow().silentAfter()).isEqualTo(Duration.ofMinutes(5));
        assertThat(paging.heartbeat().orElseThrow().watchTopic()).isEqualTo("slo.heartbeat");
        // alice has a slack contact and nobody delivers it
        assertThat(problems(loaded)).contains("users have slack contacts, but \"paging.contacts\" names no receiver for slack");
    }

    @Test
    void shouldRefuseUnknownNamesWithTheirPlace() {
        LoadedConfig loaded = load("""
                paging:
                  receivers: {pager: nope, ghost: payments}
                  contacts: {fax: oncall-email}
                """);
        assertThat(loaded.config()).isEmpty();
        assertThat(problems(loaded))
                .contains("router.yml:11:22: ", "names escalation policy \"nope\", which is not declared")
                .contains("receiver \"ghost\" is not declared under \"receivers\"")
                .contains("\"fax\"", "is not a contact type; expected one of email, slack, pagerduty, webhook");
    }

    @Test
    void shouldRefuseAckLinksWithoutASecretAndABadPingUrl() {
        LoadedConfig loaded = load("""
                paging:
                  ack_links: {valid_for: 1h}
                heartbeat: {ping_url: 'ftp://example', receiver: nobody}
                """);
        assertThat(loaded.config()).isEmpty();
        assertThat(problems(loaded)).contains("needs the HMAC key that signs the links")
                .contains("must be an http or https URL")
                .contains("receiver \"nobody\" is not declared");
    }

    @Test
    void shouldReadHeartbeatDurationsInTheOneSyntaxAndRefuseZero() {
        LoadedConfig seconds = load("""
                heartbeat: {silent_after: 90s, ping_interval: 30s, receiver: pager}
                """);
        assertThat(seconds.config().orElseThrow().paging().heartbeat().orElseThrow().pingInterval())
                .isEqualTo(Duration.ofSeconds(30));
        assertThat(seconds.config().orElseThrow().paging().heartbeat().orElseThrow().silentAfter())
                .isEqualTo(Duration.ofSeconds(90));

        LoadedConfig zero = load("""
                heartbeat: {silent_after: 0s, receiver: pager}
                """);
        assertThat(zero.config()).isEmpty();
        assertThat(problems(zero)).contains("\"silent_after\"", "must be longer than zero");
    }
}
