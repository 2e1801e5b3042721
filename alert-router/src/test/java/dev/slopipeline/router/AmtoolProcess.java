package dev.slopipeline.router;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the real Alertmanager's {@code amtool}, so that Go's own code, not our reading of it, answers. CI installs it
 * with Debian's prometheus-alertmanager package.
 */
public final class AmtoolProcess {

    /** What amtool printed, stripped, and how it exited. */
    public record Run(int exitCode, String out, String err) {

        @Override
        public String toString() {
            return "exit " + exitCode + "\nstdout:\n" + out + "\nstderr:\n" + err;
        }
    }

    private AmtoolProcess() {
    }

    public static Run run(List<String> arguments) {
        List<String> command = new ArrayList<>(List.of("amtool"));
        command.addAll(arguments);
        try {
            Process process;
            try {
                process = new ProcessBuilder(command).start();
            } catch (IOException e) {
                throw new IllegalStateException("amtool is not on the PATH; install it with Debian's "
                        + "prometheus-alertmanager package (.ci/run does)", e);
            }
            process.getOutputStream().close();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("amtool did not answer within 60 s: " + command);
            }
            return new Run(process.exitValue(),
                    new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip(),
                    new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).strip());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
