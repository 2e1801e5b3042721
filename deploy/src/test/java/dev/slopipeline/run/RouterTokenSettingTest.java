package dev.slopipeline.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slopipeline.kit.config.ConfigLayers;
import dev.slopipeline.router.app.ApiScope;
import dev.slopipeline.router.app.ApiToken;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code slo run} gives the router its read token from the file, the environment or a flag, the later winning, and
 * never prints it.
 */
class RouterTokenSettingTest {

    @TempDir
    Path dir;

    @Test
    void shouldTakeTheReadTokenFromTheFileTheEnvironmentOrAFlag() throws IOException {
        Path file = Files.writeString(dir.resolve("slo-pipeline.yml"), "router:\n  api.read.token: from-the-file\n");

        assertThat(readToken(new ConfigLayers().file(file))).isEqualTo("from-the-file");
        assertThat(readToken(new ConfigLayers().file(file)
                .env(Map.of("SLO_PIPELINE_ROUTER_API_READ_TOKEN", "from-the-environment"))))
                .isEqualTo("from-the-environment");
        assertThat(readToken(new ConfigLayers().file(file)
                .env(Map.of("SLO_PIPELINE_ROUTER_API_READ_TOKEN", "from-the-environment"))
                .flag("router.api.read.token", "from-a-flag", "--set router.api.read.token")))
                .isEqualTo("from-a-flag");
    }

    @Test
    void shouldMakeReadsNeedATokenAndNeverPrintIt() {
        RunSettings settings = RunSettings.from(new ConfigLayers().env(Map.of("SLO_PIPELINE_ROUTER_API_READ_TOKEN",
                "reader-secret-9d1e")));

        assertThat(settings.router().access().readsOpen()).isFalse();
        assertThat(settings.describe()).contains("router.api.read.token = ******")
                .noneMatch(line -> line.contains("reader-secret-9d1e"));
    }

    private static String readToken(ConfigLayers layers) {
        return RunSettings.from(layers).router().access().tokens().stream()
                .filter(token -> token.name().equals(ApiToken.READ_TOKEN) && token.scope() == ApiScope.READ)
                .map(ApiToken::secret).findFirst().orElseThrow();
    }
}
