package dev.slopipeline.router.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slopipeline.router.config.RouterConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The router file and its on-call file are reloaded as one pair: an edit of either applies, a mistake in either is refused. */
class ConfigPairReloadTest {

    private static final String ROUTER = """
            route: {receiver: pager}
            receivers: [{name: pager}]
            """;

    @TempDir
    Path folder;

    private final List<RouterConfig> applied = new ArrayList<>();

    private ConfigReloader reloader(Path router, Path onCall) {
        return new ConfigReloader(router, Optional.of(onCall), applied::add, new SimpleMeterRegistry(), Clock.systemUTC());
    }

    private static String onCallWith(String user) {
        return """
                users:
                - {name: %s, time_zone: UTC, contacts: [{type: email, address: someone@example.com}]}
                """.formatted(user);
    }

    @Test
    void shouldApplyAnEditOfTheOnCallFileAlone() throws IOException {
        Path router = Files.writeString(folder.resolve("router.yml"), ROUTER);
        Path onCall = Files.writeString(folder.resolve("oncall.yml"), onCallWith("alice"));
        try (ConfigReloader reloader = reloader(router, onCall)) {
            reloader.reloadIfChanged();
            assertThat(applied).as("nothing changed yet").isEmpty();

            Files.writeString(onCall, onCallWith("bob"));
            reloader.reloadIfChanged();

            assertThat(applied).singleElement().satisfies(config ->
                    assertThat(config.paging().onCall().users()).containsOnlyKeys("bob"));
            assertThat(reloader.status().successful()).isTrue();
        }
    }

    @Test
    void shouldKeepTheLastGoodPairWhenTheOnCallFileBreaks() throws IOException {
        Path router = Files.writeString(folder.resolve("router.yml"), ROUTER);
        Path onCall = Files.writeString(folder.resolve("oncall.yml"), onCallWith("alice"));
        try (ConfigReloader reloader = reloader(router, onCall)) {
            Files.writeString(onCall, onCallWith("alice") + "paging: {receivers: {pagr: nobody}}\n");
            reloader.reloadIfChanged();

            assertThat(applied).isEmpty();
            assertThat(reloader.status().successful()).isFalse();
            assertThat(reloader.status().problems()).anySatisfy(problem ->
                    assertThat(problem).startsWith(onCall + ":3:"));
        }
    }
}
