package dev.slopipeline.router.routing.routetest;

import dev.slopipeline.router.AmtoolProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the real Alertmanager's {@code amtool config routes test}, so that Go's own code, not our reading of it,
 * says which receivers an alert reaches.
 */
final class Amtool {

    /** What amtool printed: the receivers comma-joined, or, when it refused the config, its error. */
    record Answer(boolean refused, String output) {
    }

    private Amtool() {
    }

    static Answer routesTest(Path folder, String config, List<String> labels) {
        try {
            Path file = Files.createTempFile(folder, "router", ".yml");
            Files.writeString(file, config);
            List<String> arguments = new ArrayList<>(List.of("config", "routes", "test", "--config.file=" + file));
            arguments.addAll(labels);
            AmtoolProcess.Run run = AmtoolProcess.run(arguments);
            return run.exitCode() == 0 ? new Answer(false, run.out()) : new Answer(true, run.err());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
