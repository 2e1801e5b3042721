package dev.slopipeline.faults.kill;

import dev.slopipeline.faults.Await;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A {@link PipelineProcess} the harness starts, kills with SIGKILL and starts again; its output goes to a log file. */
final class ChildProcess implements AutoCloseable {

    private final String name;
    private final List<String> arguments;
    private final Path readyFile;
    private final Path log;
    private Process process;
    private int starts;

    ChildProcess(String name, Path folder, List<String> argumentsBeforeReadyFile) {
        this.name = name;
        this.readyFile = folder.resolve(name + ".ready");
        this.log = folder.resolve(name + ".log");
        this.arguments = new ArrayList<>(argumentsBeforeReadyFile);
        this.arguments.add(readyFile.toString());
    }

    String name() {
        return name;
    }

    /** Starts the process and waits until it says it serves; returns what it wrote (the router's port). */
    String start(Duration timeout) {
        try {
            Files.deleteIfExists(readyFile);
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                    PipelineProcess.class.getName(), name));
            command.addAll(arguments);
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            starts++;
            Await.until(name + " to serve (see " + log + ")", timeout, () -> Files.exists(readyFile) || !process.isAlive());
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + log);
            }
            return Files.readString(readyFile).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** SIGKILL: no shutdown hook, no flush, no goodbye to the group coordinator. */
    void kill() {
        process.destroyForcibly();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException(name + " survived SIGKILL for 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    int starts() {
        return starts;
    }

    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            kill();
        }
    }
}
