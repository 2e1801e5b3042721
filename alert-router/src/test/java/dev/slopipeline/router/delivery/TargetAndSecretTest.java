package dev.slopipeline.router.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slopipeline.router.secret.Secret;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TargetAndSecretTest {

    private static final String VALUE = "R0UT1NG-k3y-do-not-print";

    @TempDir
    Path dir;

    @Test
    void shouldReadAFileSecretFreshOnEveryUseWithoutItsTrailingNewline() throws Exception {
        Path file = Files.writeString(dir.resolve("key"), VALUE + "\n");
        Secret secret = Secret.fromFile(file);
        assertThat(secret.reveal()).isEqualTo(VALUE);

        Files.writeString(file, "rotated");

        assertThat(secret.reveal()).isEqualTo("rotated");
    }

    @Test
    void shouldReadAnEnvironmentSecret() {
        Secret secret = new Secret.EnvironmentVariable("PD_ROUTING_KEY", Map.of("PD_ROUTING_KEY", VALUE)::get);

        assertThat(secret.reveal()).isEqualTo(VALUE);
        assertThat(secret).hasToString("env:PD_ROUTING_KEY");
    }

    @Test
    void shouldHideAnInlineSecretButCompareItByValue() {
        Secret secret = Secret.inline(" " + VALUE + " ");

        assertThat(secret.reveal()).isEqualTo(VALUE);
        assertThat(secret).hasToString("inline").isEqualTo(Secret.inline(VALUE)).isNotEqualTo(Secret.inline("other"));
        assertThatThrownBy(() -> Secret.inline(" ")).hasMessage("an inline secret must not be blank");
    }

    @Test
    void shouldSayWhichSourceIsMissingWithoutAValue() {
        Secret env = new Secret.EnvironmentVariable("SLACK_HMAC", Map.<String, String>of()::get);
        Secret file = Secret.fromFile(dir.resolve("absent"));

        assertThatThrownBy(env::reveal).hasMessage("environment variable SLACK_HMAC is not set or empty");
        assertThatThrownBy(file::reveal).hasMessageContaining("cannot read secret file").hasMessageContaining("absent");
    }

    @Test
    void shouldNeverPrintTheSecretOrTheUrlPathOfATarget() throws Exception {
        Path file = Files.writeString(dir.resolve("key"), VALUE);
        Target target = Target.of(URI.create("https://hooks.slack.com/services/T000/B000/XXXXSECRETXXXX?token=tok-QRSTUVW"))
                .withSecret(Secret.fromFile(file));
        Receiver receiver = new Receiver("slack", (n, t) -> new DeliveryResult.Accepted(200), target);

        assertThat(target.toString())
                .isEqualTo("Target[url=https://hooks.slack.com/<secret>, secret=file:" + file + ", timeout=PT10S, maxAlerts=0]");
        assertThat(receiver.toString()).doesNotContain(VALUE).doesNotContain("XXXXSECRETXXXX")
                // letters no hexadecimal identity hash (a lambda's, say) can spell
                .doesNotContain("QRSTUVW");
    }

    @Test
    void shouldRejectTargetsThatCannotWork() {
        assertThatThrownBy(() -> Target.of(URI.create("ftp://example.com/x")))
                .hasMessageContaining("must be an absolute http:// or https:// URL");
        assertThatThrownBy(() -> Target.of(URI.create("https://example.com")).withTimeout(Duration.ZERO))
                .hasMessageContaining("timeout must be positive");
        assertThatThrownBy(() -> Target.of(URI.create("https://example.com")).withMaxAlerts(-1))
                .hasMessageContaining("maxAlerts");
    }
}
