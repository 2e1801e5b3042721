package dev.slopipeline.cli;

import dev.slopipeline.definitions.Definitions;
import dev.slopipeline.definitions.yaml.LoadResult;
import dev.slopipeline.kit.yaml.Problem;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "lint",
        mixinStandardHelpOptions = true,
        description = {
                "Validate SLO and Service definitions (slo-pipeline/v1 and OpenSLO v1 YAML).",
                "Prints every problem as file:line:col: message; exits 1 when there is an error."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the definitions are valid", "1:at least one error (or a warning with --strict)", "2:usage error"})
final class LintCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "YAML files, or folders searched for *.yaml and *.yml")
    List<Path> paths;

    @Option(names = "--strict", description = "Treat warnings as errors.")
    boolean strict;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        LoadResult result = Definitions.load(paths);
        for (Problem problem : result.problems()) {
            out.println(problem);
        }
        int errors = result.errors().size();
        int warnings = result.warnings().size();
        boolean failed = errors > 0 || (strict && warnings > 0);
        if (failed) {
            out.printf("%d %s, %d %s%n", errors, plural(errors, "error"), warnings, plural(warnings, "warning"));
        } else {
            out.printf("ok: %d %s, %d %s%s%n",
                    result.definitions().services().size(), plural(result.definitions().services().size(), "service"),
                    result.definitions().slos().size(), plural(result.definitions().slos().size(), "SLO"),
                    warnings == 0 ? "" : ", " + warnings + " " + plural(warnings, "warning"));
        }
        return failed ? 1 : 0;
    }

    private static String plural(int count, String word) {
        return count == 1 ? word : word + "s";
    }
}
