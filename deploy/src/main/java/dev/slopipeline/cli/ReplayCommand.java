package dev.slopipeline.cli;

import dev.slopipeline.definitions.Definitions;
import dev.slopipeline.definitions.yaml.LoadResult;
import dev.slopipeline.streams.replay.Replay;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "replay",
        mixinStandardHelpOptions = true,
        description = {
                "Backtest: run the streams topology's own processors, in event time, over recorded events.",
                "Prints every alert transition as one JSON object per line on stdout (the slo.alerts contract)",
                "and a summary on stderr. The same input always gives the same output, byte for byte."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:replayed", "1:the definitions have errors, or an events file cannot be read", "2:usage error"})
final class ReplayCommand implements Callable<Integer> {

    @Option(names = "--slos", required = true, arity = "1..*", paramLabel = "PATH", description = "SLO definitions: YAML files or folders.")
    List<Path> slos;

    @Option(names = "--events", required = true, arity = "1..*", paramLabel = "FILE",
            description = "JSON-lines files of request and health events (mixed or separate; a record with \"check\" is a health event).")
    List<Path> events;

    @Option(names = "--from", paramLabel = "INSTANT", description = "Ignore events before this time, e.g. 2026-11-01T00:00:00Z.")
    Instant from;

    @Option(names = "--to", paramLabel = "INSTANT", description = "Ignore events at or after this time.")
    Instant to;

    @Option(names = "--progress", description = "Every few seconds, tell on stderr how far the replay has come: events replayed"
            + " of those read, events/s, the event time reached.")
    boolean progress;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        LoadResult loaded = Definitions.load(slos);
        if (loaded.hasErrors()) {
            loaded.errors().forEach(err::println);
            err.println("slo replay: the definitions have errors; fix them first (slo lint shows them all)");
            return 1;
        }
        loaded.warnings().forEach(err::println);
        err.flush();
        PrintStream alerts = new PrintStream(new WriterOutputStream(spec.commandLine().getOut()), true, StandardCharsets.UTF_8);
        PrintStream summary = new PrintStream(new WriterOutputStream(err), true, StandardCharsets.UTF_8);
        try {
            Replay.run(new Replay.Options(loaded.definitions(), events, Optional.ofNullable(from), Optional.ofNullable(to), progress),
                    alerts, summary);
        } catch (IOException e) {
            err.println("slo replay: " + e.getMessage());
            return 1;
        } finally {
            alerts.flush();
            summary.flush();
        }
        return 0;
    }
}
