package dev.slopipeline.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slopipeline.router.config.LoadedConfig;
import dev.slopipeline.router.config.RouterConfigLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every router file we ship is one a team can keep for both: the real {@code amtool check-config} accepts it, and the
 * router loads it without a problem, so without the deprecation warning of on-call sections left in it (those are in
 * the on-call file beside it). CI installs amtool with Debian's prometheus-alertmanager package.
 */
class AlertmanagerFormatFilesTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"examples/router.yml", "examples/demo-router.yml", "config/router.yml"})
    void shouldPassAmtoolCheckConfigAndLoadWithoutWarnings(String routerFile)
            throws IOException, InterruptedException {
        Process amtool = new ProcessBuilder("amtool", "check-config", routerFile).redirectErrorStream(true).start();
        assertThat(amtool.waitFor(60, TimeUnit.SECONDS)).as("amtool answered within 60 s").isTrue();
        String output = new String(amtool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(amtool.exitValue()).as("amtool check-config %s said:%n%s", routerFile, output).isZero();
        LoadedConfig loaded = RouterConfigLoader.load(Path.of(routerFile));
        assertThat(loaded.problems()).isEmpty();
    }
}
