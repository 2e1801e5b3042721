package dev.slopipeline.deploy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Prometheus's own checker, Debian's {@code prometheus} package: what it says about a file, and its exit code. */
public final class Promtool {

    private static final Path BINARY = Path.of("/usr/bin/promtool");

    /** What one run printed (stdout and stderr together) and how it exited. */
    public record Run(int exitCode, String output) {
    }

    private Promtool() {
    }

    public static Run run(String... arguments) throws IOException, InterruptedException {
        return run(null, arguments);
    }

    /** Runs promtool with {@code input} on its standard input, when not null. */
    public static Run run(Path input, String... arguments) throws IOException, InterruptedException {
        if (!Files.isExecutable(BINARY)) {
            throw new IllegalStateException(BINARY + " is missing: apt-get install prometheus");
        }
        List<String> command = new ArrayList<>(List.of(BINARY.toString()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).directory(PromQlMetrics.DEPLOY.toFile());
        if (input != null) {
            builder.redirectInput(input.toFile());
        }
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("promtool " + arguments[0] + " did not finish within 60 s");
        }
        return new Run(process.exitValue(), output);
    }
}
