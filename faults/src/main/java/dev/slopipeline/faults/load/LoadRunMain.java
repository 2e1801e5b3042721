package dev.slopipeline.faults.load;

import dev.slopipeline.faults.ResultsFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * {@code faults/load [--minutes M] [--rate N] [--sample-every SECONDS] [--results FILE] [--work DIR]}: one load
 * run; its report is printed and appended to the results file.
 */
public final class LoadRunMain {

    private LoadRunMain() {
    }

    public static void main(String[] args) throws Exception {
        long minutes = 10;
        int rate = 40_000;
        long sampleEvery = 5;
        Path results = Path.of("faults/results/load-runs.md");
        Path work = null;
        StringBuilder command = new StringBuilder("faults/load");
        for (int i = 0; i < args.length; i += 2) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            if (!args[i].equals("--results")) {
                command.append(' ').append(args[i]).append(value == null ? "" : " " + value);
            }
            switch (args[i]) {
                case "--minutes" -> minutes = Long.parseLong(value);
                case "--rate" -> rate = Integer.parseInt(value);
                case "--sample-every" -> sampleEvery = Long.parseLong(value);
                case "--results" -> results = Path.of(value);
                case "--work" -> work = Path.of(value);
                default -> {
                    System.err.println("unknown option " + args[i] + "; see faults/README.md");
                    System.exit(2);
                }
            }
        }
        Path folder = work != null ? Files.createDirectories(work) : Files.createTempDirectory("slo-load-run");
        LoadRun.Options options = new LoadRun.Options(Duration.ofMinutes(minutes), rate, Duration.ofSeconds(sampleEvery));
        System.err.println("load run: " + rate + " events/s for " + minutes + " min, data in " + folder);
        LoadReport report = new LoadRun(options, folder).run();
        String section = report.toMarkdown(command.toString());
        System.out.print(section);
        ResultsFile.append(results, "# Load runs\n\nWritten by `faults/load`; newest last. See faults/README.md.\n\n", section);
        System.exit(report.ok() ? 0 : 1);
    }
}
