package dev.slopipeline.deploy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A platform's own checker, installed from a Debian package, run on the deploy folder: what it says about a file,
 * and its exit code. A missing tool fails the test and names the package to install, rather than passing silently.
 *
 * @param binary  where the package installs it
 * @param debianPackage what {@code apt-get install} needs (.ci/run installs each)
 */
public record InstalledTool(Path binary, String debianPackage) {

    /** Prometheus's checker, of Debian's {@code prometheus}. */
    public static final InstalledTool PROMTOOL = new InstalledTool(Path.of("/usr/bin/promtool"), "prometheus");
    /** Alertmanager's, of Debian's {@code prometheus-alertmanager}. */
    public static final InstalledTool AMTOOL = new InstalledTool(Path.of("/usr/bin/amtool"), "prometheus-alertmanager");
    /** The Kubernetes client, with kustomize built in; Debian's {@code kubernetes-client} installs it here. */
    public static final InstalledTool KUBECTL = new InstalledTool(Path.of("/usr/bin/kubectl"), "kubernetes-client");

    /** What one run printed (stdout and stderr together) and how it exited. */
    public record Run(int exitCode, String output) {
    }

    public Run run(String... arguments) throws IOException, InterruptedException {
        return run(null, arguments);
    }

    /** Runs the tool with {@code input} on its standard input, when not null. */
    public Run run(Path input, String... arguments) throws IOException, InterruptedException {
        if (!Files.isExecutable(binary)) {
            throw new IllegalStateException(binary + " is missing: apt-get install " + debianPackage);
        }
        List<String> command = new ArrayList<>(List.of(binary.toString()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).directory(PromQlMetrics.DEPLOY.toFile());
        if (input != null) {
            builder.redirectInput(input.toFile());
        }
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(binary.getFileName() + " " + arguments[0] + " did not finish within 60 s");
        }
        return new Run(process.exitValue(), output);
    }
}
