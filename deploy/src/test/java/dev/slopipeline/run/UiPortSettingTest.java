package dev.slopipeline.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slopipeline.kit.config.ConfigLayers;
import org.junit.jupiter.api.Test;

/** {@code ui.port}: the web UI's port, 8090 unless set, {@code off} for none, anything else refused clearly. */
class UiPortSettingTest {

    @Test
    void shouldServeTheUiOn8090UnlessToldOtherwise() {
        assertThat(RunSettings.from(new ConfigLayers()).uiPort()).hasValue(8090);
        assertThat(RunSettings.from(new ConfigLayers().flag("ui.port", "0", "--ui-port")).uiPort()).hasValue(0);
        assertThat(RunSettings.from(new ConfigLayers().flag("ui.port", "off", "--ui-port")).uiPort()).isEmpty();
        assertThat(RunSettings.from(new ConfigLayers().flag("ui.port", "off", "--ui-port")).describe()).contains("ui.port = off");
    }

    @Test
    void shouldSayWhatAUiPortMayBe() {
        assertThatThrownBy(() -> RunSettings.from(new ConfigLayers().flag("ui.port", "none", "--ui-port")))
                .hasMessageContaining("ui.port (flag --ui-port) must be a whole number from 0 to 65535 or off, got \"none\"");
        assertThatThrownBy(() -> RunSettings.from(new ConfigLayers().flag("ui.port", "70000", "--ui-port")))
                .hasMessageContaining("ui.port (flag --ui-port) must be a whole number from 0 to 65535 or off, got \"70000\"");
    }
}
