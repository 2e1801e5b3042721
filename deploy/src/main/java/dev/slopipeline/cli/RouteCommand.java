package dev.slopipeline.cli;

import dev.slopipeline.kit.yaml.Problem;
import dev.slopipeline.router.config.LoadedConfig;
import dev.slopipeline.router.config.RouterConfigLoader;
import dev.slopipeline.router.routing.routetest.LabelArguments;
import dev.slopipeline.router.routing.routetest.RouteTester;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

@Command(
        name = "route",
        mixinStandardHelpOptions = true,
        description = "Work with the alert router's Alertmanager-style configuration.",
        subcommands = {RouteCommand.Test.class, RouteCommand.Check.class})
final class RouteCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Loads the config, printing its problems; empty when it has errors. */
    private static LoadedConfig load(Path config, Optional<Path> onCallConfig, PrintWriter err) {
        LoadedConfig loaded = RouterConfigLoader.load(config, onCallConfig);
        for (Problem problem : loaded.problems()) {
            err.println(problem);
        }
        return loaded;
    }

    @Command(
            name = "test",
            mixinStandardHelpOptions = true,
            description = {
                    "Print the receivers an alert with these labels is routed to, comma-joined in tree order,",
                    "exactly as amtool config routes test does for the same configuration."},
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:routed", "1:the configuration has errors, or --verify-receivers differs", "2:usage error"})
    static final class Test implements Callable<Integer> {

        @Option(names = "--config", required = true, paramLabel = "FILE", description = "The router configuration (Alertmanager-style YAML).")
        Path config;

        @Option(names = "--verify-receivers", paramLabel = "RECEIVERS", description = "Exit 1 unless the receivers are exactly these (comma-joined).")
        String expected;

        @Parameters(paramLabel = "LABEL=VALUE", arity = "0..*", description = "The alert's labels, e.g. severity=page team=payments.")
        List<String> labels = List.of();

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            LabelArguments arguments;
            try {
                arguments = LabelArguments.parse(labels);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
            }
            arguments.warnings().forEach(err::println);
            LoadedConfig loaded = load(config, Optional.empty(), err);
            if (loaded.config().isEmpty()) {
                return 1;
            }
            String receivers = RouteTester.receivers(loaded.config().get().route(), arguments.labels());
            out.println(receivers);
            if (expected != null && !expected.equals(receivers)) {
                err.println("expected receivers \"" + expected + "\", got \"" + receivers + "\"");
                return 1;
            }
            return 0;
        }
    }

    @Command(
            name = "check",
            mixinStandardHelpOptions = true,
            description = "Validate a router configuration; prints every problem as file:line:col: message.",
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:valid", "1:at least one error", "2:usage error"})
    static final class Check implements Callable<Integer> {

        @Parameters(paramLabel = "FILE", description = "The router configuration (Alertmanager-style YAML).")
        Path config;

        @Option(names = "--oncall-config", paramLabel = "FILE", description = "The on-call file beside it, checked with it.")
        Path onCallConfig;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            LoadedConfig loaded = load(config, Optional.ofNullable(onCallConfig), spec.commandLine().getOut());
            if (loaded.config().isEmpty()) {
                return 1;
            }
            spec.commandLine().getOut().printf("ok: %d receivers, %d routes%n",
                    loaded.config().get().receivers().size(), loaded.config().get().route().stream().count());
            return 0;
        }
    }
}
