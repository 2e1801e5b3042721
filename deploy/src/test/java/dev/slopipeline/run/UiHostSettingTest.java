package dev.slopipeline.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slopipeline.kit.config.ConfigLayers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ui.host}: more names the web UI answers for, such as a DNS alias, from a file, the environment or a flag. */
class UiHostSettingTest {

    @TempDir
    Path dir;

    @Test
    void shouldAnswerOnlyForItsOwnNamesUnlessToldMore() {
        RunSettings settings = RunSettings.from(new ConfigLayers());

        assertThat(settings.uiHosts()).isEmpty();
        assertThat(settings.describe()).contains("ui.host = (none: localhost, IP addresses and this machine's name)");
    }

    @Test
    void shouldReadTheNamesAsAYamlListAsTheEnvironmentAndAsAFlag() throws IOException {
        Path file = Files.writeString(dir.resolve("slo-pipeline.yml"), "ui:\n  host: [slo.example.com, slo.internal]\n");

        assertThat(RunSettings.from(new ConfigLayers().file(file)).uiHosts())
                .containsExactly("slo.example.com", "slo.internal");
        assertThat(RunSettings.from(new ConfigLayers().env(Map.of("SLO_PIPELINE_UI_HOST", "slo.example.com, slo.lan")))
                .uiHosts()).containsExactly("slo.example.com", "slo.lan");
        RunSettings flagged = RunSettings.from(new ConfigLayers().file(file).flag("ui.host", "dashboards.example.com",
                "--set ui.host"));
        assertThat(flagged.uiHosts()).containsExactly("dashboards.example.com");
        assertThat(flagged.describe()).contains("ui.host = dashboards.example.com");
    }

    @Test
    void shouldRefuseANameWithAPortOrAPath() {
        assertThatThrownBy(() -> RunSettings.from(new ConfigLayers().flag("ui.host", "slo.example.com:8090",
                "--set ui.host")))
                .hasMessageContaining("ui.host (flag --set ui.host) must be host names without port or path");
        assertThatThrownBy(() -> RunSettings.from(new ConfigLayers().flag("ui.host", "https://slo.example.com/",
                "--set ui.host")))
                .hasMessageContaining("must be host names without port or path");
    }
}
