package dev.slopipeline.faults.kill;

import dev.slopipeline.faults.Await;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A JVM the harness starts, kills with SIGKILL and starts again; its output goes to a log file. Either a
 * {@link PipelineProcess}, which writes a ready file once it serves, or the {@code slo} command line as users run
 * it, which prints its ready line.
 */
final class ChildProcess implements AutoCloseable {

    /** Small, quick-starting JVMs: several of them share two cores with the harness. */
    static final List<String> JVM_OPTIONS = List.of("-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");
    /** What {@code slo run} prints once every component it started answers its readiness check. */
    static final String READY_LINE = "slo-pipeline ready: ";

    /** How a child says that it serves. */
    private interface Readiness {

        /** Before a start: forget what the previous run said. */
        void reset() throws IOException;

        /** What the child said once it serves; empty until then. */
        Optional<String> answer() throws IOException;
    }

    private final String name;
    private final List<String> command;
    private final Map<String, String> environment;
    private final Path log;
    private final Readiness readiness;
    private Process process;
    private int starts;

    private ChildProcess(String name, List<String> command, Map<String, String> environment, Path log, Readiness readiness) {
        this.name = name;
        this.command = List.copyOf(command);
        this.environment = Map.copyOf(environment);
        this.log = log;
        this.readiness = readiness;
    }

    /** A {@link PipelineProcess} part ({@code broker}, {@code streams}, {@code router}) with its arguments. */
    ChildProcess(String name, Path folder, List<String> argumentsBeforeReadyFile) {
        this(name, pipelineProcess(name, argumentsBeforeReadyFile, folder.resolve(name + ".ready")), Map.of(),
                folder.resolve(name + ".log"), readyFile(folder.resolve(name + ".ready")));
    }

    /**
     * The {@code slo} script ({@code bin/slo}, which builds its jar when stale) with {@code arguments}, e.g.
     * {@code run router --bootstrap-servers ...}; it serves once it printed its ready line, which {@link #start}
     * returns. Its output goes to {@code <folder>/<name>.log}.
     */
    static ChildProcess slo(String name, Path script, Path folder, List<String> arguments) {
        List<String> command = new ArrayList<>();
        command.add(script.toString());
        command.addAll(arguments);
        Path log = folder.resolve(name + ".log");
        return new ChildProcess(name, command, Map.of("SLO_JAVA_OPTS", String.join(" ", JVM_OPTIONS)), log, readyLine(log));
    }

    private static List<String> pipelineProcess(String name, List<String> arguments, Path readyFile) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(JVM_OPTIONS);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), PipelineProcess.class.getName(), name));
        command.addAll(arguments);
        command.add(readyFile.toString());
        return command;
    }

    private static Readiness readyFile(Path file) {
        return new Readiness() {
            @Override
            public void reset() throws IOException {
                Files.deleteIfExists(file);
            }

            @Override
            public Optional<String> answer() throws IOException {
                return Files.exists(file) ? Optional.of(Files.readString(file).trim()) : Optional.empty();
            }
        };
    }

    /** The ready line printed after the start: the log keeps every run, so only what follows its length then counts. */
    private static Readiness readyLine(Path log) {
        return new Readiness() {
            private long from;

            @Override
            public void reset() throws IOException {
                from = Files.exists(log) ? Files.size(log) : 0;
            }

            @Override
            public Optional<String> answer() throws IOException {
                if (!Files.exists(log)) {
                    return Optional.empty();
                }
                byte[] all = Files.readAllBytes(log);
                String since = new String(all, (int) Math.min(from, all.length), (int) Math.max(0, all.length - from),
                        StandardCharsets.UTF_8);
                return since.lines().filter(line -> line.startsWith(READY_LINE)).findFirst();
            }
        };
    }

    String name() {
        return name;
    }

    Path log() {
        return log;
    }

    /** Starts the process and waits until it says it serves; returns what it said (the router's port, the ready line). */
    String start(Duration timeout) {
        launch();
        return awaitReady(timeout);
    }

    /** Starts the process without waiting, so that several start side by side; {@link #awaitReady} waits. */
    void launch() {
        try {
            readiness.reset();
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().putAll(environment);
            process = builder.start();
            starts++;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until the launched process says it serves; returns what it said. */
    String awaitReady(Duration timeout) {
        Await.until(name + " to serve (see " + log + ")", timeout, this::serves);
        return answer().orElseThrow();
    }

    /**
     * Whether the launched process has said it serves yet, for a caller that waits with a bound of its own.
     *
     * @throws IllegalStateException when it exited instead
     */
    boolean serves() {
        if (answer().isPresent()) {
            return true;
        }
        if (!process.isAlive()) {
            throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + log);
        }
        return false;
    }

    private Optional<String> answer() {
        try {
            return readiness.answer();
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

    boolean alive() {
        return process != null && process.isAlive();
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
