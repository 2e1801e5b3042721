package dev.slopipeline.router.oncall.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slopipeline.kit.yaml.Problem;
import dev.slopipeline.router.config.LoadedConfig;
import dev.slopipeline.router.config.RouterConfigLoader;
import dev.slopipeline.router.notification.Notification;
import dev.slopipeline.router.oncall.escalation.EscalationLevel;
import dev.slopipeline.router.oncall.escalation.EscalationPolicy;
import dev.slopipeline.router.oncall.escalation.EscalationProcess;
import dev.slopipeline.router.oncall.escalation.PagingMode;
import dev.slopipeline.router.oncall.escalation.PagingOptions;
import dev.slopipeline.router.oncall.escalation.Step;
import dev.slopipeline.router.oncall.schedule.Contact;
import dev.slopipeline.router.oncall.schedule.ContactType;
import dev.slopipeline.router.oncall.schedule.OnCallConfig;
import dev.slopipeline.router.oncall.schedule.User;
import dev.slopipeline.router.secret.Secret;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The acknowledge-link key is at least 32 bytes as the HMAC uses it, and a link is valid for at most 7 days. */
class AckLinkKeyTest {

    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
    private static final String BASE = """
            route: {receiver: pager}
            receivers:
            - name: pager
            users:
              - {name: alice, time_zone: UTC, contacts: [{type: email, address: a@example.com}]}
            escalation_policies:
              - {name: payments, levels: [{users: [alice]}]}
            """;

    @TempDir
    Path dir;

    private LoadedConfig load(String key, String validFor) throws IOException {
        Path keyFile = Files.writeString(dir.resolve("ack-key"), key + "\n");
        return RouterConfigLoader.parse("router.yml", BASE + """
                paging:
                  ack_links: {secret_file: '%s', valid_for: %s}
                """.formatted(keyFile, validFor));
    }

    /** The combined form's deprecation warning is OnCallFileTest's. */
    private static List<String> problems(LoadedConfig loaded) {
        return loaded.problems().stream().filter(Problem::isError).map(Problem::toString).toList();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "exactly-thirty-two-bytes-of-key!",
            "éééééééééééééééé", // 16 characters, 32 bytes in UTF-8, which the signature uses
    })
    void shouldLoadAKeyOfAtLeast32BytesAsTheSignatureUsesThem(String key) throws IOException {
        assertThat(problems(load(key, "12h"))).isEmpty();
    }

    @Test
    void shouldLoadTheKeyTheDemoWrites() throws IOException {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);

        LoadedConfig loaded = load(Base64.getUrlEncoder().withoutPadding().encodeToString(random), "12h");

        assertThat(problems(loaded)).isEmpty();
    }

    @Test
    void shouldRefuseAShorterKeyAtItsFieldWithoutQuotingIt() throws IOException {
        LoadedConfig loaded = load("thirty-one-bytes-of-key-materia", "12h");

        assertThat(loaded.config()).isEmpty();
        assertThat(problems(loaded)).containsExactly("router.yml:9:28: \"secret_file\" in \"ack_links\" in \"paging\":"
                + " the acknowledge-link key holds 31 bytes; it needs at least 32, e.g. 32 random bytes in base64:"
                + " openssl rand -base64 32");
    }

    @ParameterizedTest
    @ValueSource(strings = {"7d", "1w", "1m"})
    void shouldAcceptLinksValidForUpToAWeek(String validFor) throws IOException {
        assertThat(problems(load("exactly-thirty-two-bytes-of-key!", validFor))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"8d", "7d1h", "2w"})
    void shouldRefuseLinksValidForLongerThanAWeek(String validFor) throws IOException {
        LoadedConfig loaded = load("exactly-thirty-two-bytes-of-key!", validFor);

        assertThat(loaded.config()).isEmpty();
        assertThat(problems(loaded)).singleElement().asString().startsWith("router.yml:9:")
                .endsWith("\"valid_for\" in \"ack_links\" in \"paging\" must be at most 7d, got "
                        + validFor + ": whoever holds a link acknowledges as its person for that long");
    }

    @Test
    void shouldSignNothingWithAKeyThatIsTooShortWhenUsed() {
        AckLinkSigner signer = new AckLinkSigner(Secret.inline("rotated-to-a-short-key"));

        assertThatThrownBy(() -> signer.sign("checkout-1", "alice", T0.plus(Duration.ofHours(1))))
                .isInstanceOf(Secret.SecretUnavailableException.class)
                .hasMessageStartingWith("the acknowledge-link key holds 22 bytes; it needs at least 32");
    }

    @Test
    void shouldStillPageWithoutTheLinkWhenTheKeyCannotBeRead() throws IOException {
        Path key = Files.writeString(dir.resolve("ack-key"), "exactly-thirty-two-bytes-of-key!");
        PagingOptions options = new PagingOptions(Map.of("pager", "payments"), Map.of(ContactType.EMAIL, "email"),
                Optional.of(new PagingOptions.AckLinks(Secret.fromFile(key), Duration.ofHours(12))));
        PageNotifications pages = new PageNotifications(options, URI.create("https://router.example"));
        Step triggered = trigger();
        Incident incident = new Incident("checkout-1", "checkout-availability", "page", "storefront", Optional.empty(),
                "checkout is failing", Map.of("slo", "checkout-availability"), "pager", triggered.state(), 1,
                List.of(), List.of()).after(triggered);

        Notification signed = pages.of(incident, triggered.notifications().get(0)).orElseThrow();
        Files.delete(key);
        Notification unsigned = pages.of(incident, triggered.notifications().get(0)).orElseThrow();

        assertThat(signed.ackUrl()).isNotNull();
        assertThat(unsigned.ackUrl()).isNull();
        assertThat(unsigned.commonAnnotations()).doesNotContainKey(PageNotifications.ACK_URL_ANNOTATION)
                .containsEntry(PageNotifications.ADDRESS_ANNOTATION, "a@example.com");
    }

    private static Step trigger() {
        User alice = new User("alice", ZoneOffset.UTC, List.of(new Contact(ContactType.EMAIL, "a@example.com")));
        EscalationPolicy policy = new EscalationPolicy("payments", List.of(new EscalationLevel(List.of("alice"),
                List.of(), Optional.empty(), Optional.empty())), 0, Optional.empty());
        return new EscalationProcess(policy, new OnCallConfig(Map.of("alice", alice), Map.of()))
                .trigger("checkout-1", PagingMode.ESCALATE, T0);
    }
}
