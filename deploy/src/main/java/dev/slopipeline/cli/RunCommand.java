package dev.slopipeline.cli;

import dev.slopipeline.run.Pipeline;
import dev.slopipeline.run.Pipeline.Component;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(
        name = "run",
        mixinStandardHelpOptions = true,
        description = {
                "Run the pipeline: the streams app and the alert router in this process,",
                "on an embedded Kafka broker whose data stays in --data-dir across restarts,",
                "or on the cluster of --bootstrap-servers. Stops cleanly on Ctrl-C or SIGTERM.",
                "'run streams' and 'run router' start one component alone, to scale out,",
                "on the cluster of --bootstrap-servers (required: they start no broker)."},
        subcommands = {RunCommand.StreamsOnly.class, RunCommand.RouterOnly.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:stopped by Ctrl-C or SIGTERM (or --print-config)", "1:could not start, or a component failed",
                "2:usage or configuration error"})
final class RunCommand implements Callable<Integer> {

    @Mixin
    RunOptions options;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        return new PipelineLauncher(spec, options, "slo run").run(EnumSet.allOf(Component.class));
    }

    @Command(name = "streams", mixinStandardHelpOptions = true,
            description = "Run the streams app alone, on the Kafka cluster of --bootstrap-servers (required).")
    static final class StreamsOnly implements Callable<Integer> {

        @Mixin
        RunOptions options;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws InterruptedException {
            return new PipelineLauncher(spec, options, "slo run streams").run(Set.of(Pipeline.Component.STREAMS));
        }
    }

    @Command(name = "router", mixinStandardHelpOptions = true,
            description = "Run the alert router alone, on the Kafka cluster of --bootstrap-servers (required).")
    static final class RouterOnly implements Callable<Integer> {

        @Mixin
        RunOptions options;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws InterruptedException {
            return new PipelineLauncher(spec, options, "slo run router").run(Set.of(Pipeline.Component.ROUTER));
        }
    }
}
