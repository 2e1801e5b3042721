package dev.slopipeline.cli;

import dev.slopipeline.kit.config.InvalidConfigException;
import dev.slopipeline.run.Pipeline;
import dev.slopipeline.run.RunSettings;
import dev.slopipeline.streams.app.StreamsAppKeys;
import java.io.PrintWriter;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import picocli.CommandLine;

/**
 * What {@code slo run} and its subcommands do: read the settings, start, say when ready, wait for Ctrl-C or
 * SIGTERM, stop in order.
 */
final class PipelineLauncher {

    private final PrintWriter out;
    private final PrintWriter err;
    private final RunOptions options;
    private final String name;

    PipelineLauncher(CommandLine.Model.CommandSpec spec, RunOptions options, String name) {
        this.out = spec.commandLine().getOut();
        this.err = spec.commandLine().getErr();
        this.options = options;
        this.name = name;
    }

    int run(Set<Pipeline.Component> components) throws InterruptedException {
        Optional<RunSettings> settings = settings();
        if (settings.isEmpty()) {
            return 2;
        }
        if (!components.containsAll(EnumSet.allOf(Pipeline.Component.class)) && settings.get().embeddedBroker()) {
            refuseWithoutCluster();
            return 2;
        }
        if (options.printConfig) {
            settings.get().describe().forEach(out::println);
            out.flush();
            return 0;
        }
        Pipeline pipeline;
        try {
            pipeline = Pipeline.builder(settings.get()).components(components).progress(this::say).start();
        } catch (IllegalStateException | IllegalArgumentException e) {
            err.println(name + ": " + e.getMessage());
            err.flush();
            return 1;
        }
        Thread hook = new Thread(() -> {
            say("stopping (router, streams app, broker) ...");
            pipeline.close();
            say("stopped");
        }, "slo-run-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            pipeline.awaitReady(options.readyTimeout);
        } catch (IllegalStateException e) {
            err.println(name + ": " + e.getMessage());
            err.flush();
            return stop(pipeline, hook, 1);
        }
        out.println(pipeline.readyLine());
        out.flush();
        Optional<String> failure = pipeline.awaitTermination();
        if (failure.isPresent()) {
            err.println(name + ": " + failure.get());
            err.flush();
            return stop(pipeline, hook, 1);
        }
        return 0;
    }

    /** The settings, or empty after printing every configuration error. */
    Optional<RunSettings> settings() {
        try {
            return Optional.of(RunSettings.from(options.layers(System.getenv())));
        } catch (InvalidConfigException e) {
            err.println(name + ": invalid configuration:");
            e.problems().forEach(problem -> err.println("  " + problem));
        } catch (IllegalArgumentException e) {
            // the file itself: missing, of another kind, or not valid YAML
            err.println(name + ": invalid configuration:");
            err.println("  " + e.getMessage());
        }
        err.flush();
        return Optional.empty();
    }

    /**
     * A component alone shares its topics with the others in other processes, which an embedded broker of its own
     * would hide from them: it would seem to run, and nothing would reach it.
     */
    private void refuseWithoutCluster() {
        err.println(name + ": bootstrap.servers is not set; a component run alone needs the Kafka cluster the others use,"
                + " and starts no broker of its own.");
        err.println("  Set bootstrap.servers in the config file, " + StreamsAppKeys.BOOTSTRAP_SERVERS.envName()
                + " in the environment, or --bootstrap-servers HOST:PORT;");
        err.println("  or run everything in one process on an embedded broker with 'slo run'.");
        err.flush();
    }

    private int stop(Pipeline pipeline, Thread hook, int exitCode) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook runs already and stops the pipeline
        }
        pipeline.close();
        return exitCode;
    }

    private void say(String line) {
        err.println(name + ": " + line);
        err.flush();
    }
}
