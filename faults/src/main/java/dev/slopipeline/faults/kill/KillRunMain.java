package dev.slopipeline.faults.kill;

import dev.slopipeline.faults.ResultsFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * {@code faults/run [--kills N] [--seed S] [--min-gap SECONDS] [--max-gap SECONDS] [--drop-every K]
 * [--no-escalation] [--results FILE] [--work DIR]}: one kill run; its report is printed and appended to the results file.
 * Exit status 0 when every promise held, 1 otherwise.
 */
public final class KillRunMain {

    private KillRunMain() {
    }

    public static void main(String[] args) throws Exception {
        KillRun.Options defaults = KillRun.Options.defaults();
        int kills = defaults.kills();
        long seed = defaults.seed();
        Duration minGap = defaults.minGap();
        Duration maxGap = defaults.maxGap();
        int dropEvery = defaults.dropEvery();
        Path results = Path.of("faults/results/kill-runs.md");
        Path work = null;
        boolean escalation = defaults.escalation();
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--kills" -> kills = Integer.parseInt(value);
                case "--seed" -> seed = Long.parseLong(value);
                case "--min-gap" -> minGap = Duration.ofSeconds(Long.parseLong(value));
                case "--max-gap" -> maxGap = Duration.ofSeconds(Long.parseLong(value));
                case "--drop-every" -> dropEvery = Integer.parseInt(value);
                case "--results" -> results = Path.of(value);
                case "--work" -> work = Path.of(value);
                case "--no-escalation" -> {
                    escalation = false;
                    i--;
                }
                default -> {
                    System.err.println("unknown option " + args[i] + "; see faults/README.md");
                    System.exit(2);
                }
            }
            i++;
        }
        Path folder = work != null ? Files.createDirectories(work) : Files.createTempDirectory("slo-kill-run");
        KillRun.Options options = new KillRun.Options(kills, seed, minGap, maxGap, dropEvery, defaults.malformedPerIncident(),
                defaults.minIncidents(), escalation);
        System.err.println("kill run: " + kills + " kills, seed " + seed + ", processes and logs in " + folder);
        // an interrupted run (Ctrl-C) takes its broker, streams app and router with it
        Runtime.getRuntime().addShutdownHook(new Thread(() -> ProcessHandle.current().children()
                .forEach(ProcessHandle::destroyForcibly)));
        KillReport report = new KillRun(options, folder).run();
        String section = report.toMarkdown();
        System.out.print(section);
        ResultsFile.append(results, "# Kill runs\n\nWritten by `faults/run`; newest last. See faults/README.md.\n\n", section);
        System.exit(report.ok() ? 0 : 1);
    }
}
