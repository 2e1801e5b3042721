package dev.slopipeline.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Compose's one-shot {@code router-tokens} service, run here as its container runs it: bash on the shipped script. */
final class RouterTokensScript {

    static final Path SCRIPT = PromQlMetrics.DEPLOY.resolve("config/router-tokens.sh");

    private RouterTokensScript() {
    }

    /** Makes the router's tokens in {@code folder}, or keeps those already there; fails the test if the script does. */
    static void run(Path folder) throws IOException, InterruptedException {
        Process run = new ProcessBuilder("bash", SCRIPT.toString(), folder.toString()).redirectErrorStream(true).start();
        String output = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(run.waitFor(30, TimeUnit.SECONDS)).as("router-tokens.sh within 30 s").isTrue();
        assertThat(run.exitValue()).as(output).isZero();
    }
}
