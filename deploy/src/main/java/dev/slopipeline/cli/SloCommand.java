package dev.slopipeline.cli;

import dev.slopipeline.logging.LoggingVariables;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code slo}: the one entry point for every command of slo-pipeline. */
@Command(
        name = "slo",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Event-driven SLO burn-rate alerting on Kafka Streams.",
        subcommands = {LintCommand.class, PlanCommand.class, ApplyCommand.class, ReplayCommand.class, RouteCommand.class,
                OnCallCommand.class, SilenceCommand.class, IncidentsCommand.class, AckCommand.class,
                ResolveCommand.class, RunCommand.class, DemoCommand.class, CommandLine.HelpCommand.class})
public final class SloCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        // before anything logs: a misspelt logging variable would otherwise only be noticed by missing log lines
        List<String> logging = LoggingVariables.ofThisProcess().problems();
        if (!logging.isEmpty()) {
            System.err.println("slo: invalid configuration:");
            logging.forEach(problem -> System.err.println("  " + problem));
            System.exit(2);
        }
        System.exit(execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    /** Runs a command line with the given streams; returns the exit code. Tests call this. */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        CommandLine commandLine = new CommandLine(new SloCommand());
        commandLine.setOut(out);
        commandLine.setErr(err);
        int exitCode = commandLine.execute(args);
        out.flush();
        err.flush();
        return exitCode;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
