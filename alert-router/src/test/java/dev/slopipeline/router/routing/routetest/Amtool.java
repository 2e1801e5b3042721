package dev.slopipeline.router.routing.routetest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the real Alertmanager's {@code amtool config routes test}, so that Go's own code, not our reading of it,
 * says which receivers an alert reaches. CI installs it with Debian's prometheus-alertmanager package.
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
            List<String> command = new ArrayList<>(List.of("amtool", "config", "routes", "test", "--config.file=" + file));
            command.addAll(labels);
            Process process;
            try {
                process = new ProcessBuilder(command).redirectErrorStream(false).start();
            } catch (IOException e) {
                throw new IllegalStateException("amtool is not on the PATH; install it with Debian's "
                        + "prometheus-alertmanager package (.ci/run does)", e);
            }
            process.getOutputStream().close();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("amtool did not answer within 60 s: " + command);
            }
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            return process.exitValue() == 0 ? new Answer(false, out) : new Answer(true, err);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
