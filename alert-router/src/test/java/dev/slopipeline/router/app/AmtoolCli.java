package dev.slopipeline.router.app;

import dev.slopipeline.router.AmtoolProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The real {@code amtool} against a router's HTTP port, with the router's token in amtool's HTTP config file (an
 * {@code authorization} block, as Prometheus' alertmanager config has).
 */
final class AmtoolCli {

    private final List<String> connection;

    private AmtoolCli(List<String> connection) {
        this.connection = connection;
    }

    static AmtoolCli against(int port, String token, Path folder) {
        try {
            Path httpConfig = Files.createTempFile(folder, "amtool-http", ".yml");
            Files.writeString(httpConfig, """
                    authorization:
                      type: Bearer
                      credentials: %s
                    """.formatted(token));
            return new AmtoolCli(List.of("--alertmanager.url=http://127.0.0.1:" + port,
                    "--http.config.file=" + httpConfig));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    AmtoolProcess.Run run(String... arguments) {
        List<String> all = new ArrayList<>(connection);
        all.addAll(List.of(arguments));
        return AmtoolProcess.run(all);
    }
}
