package dev.slopipeline.cli;

import dev.slopipeline.router.config.LoadedConfig;
import dev.slopipeline.router.config.RouterConfig;
import dev.slopipeline.router.config.RouterConfigLoader;
import dev.slopipeline.router.oncall.schedule.OnCall;
import dev.slopipeline.router.oncall.schedule.Shift;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

@Command(
        name = "oncall",
        mixinStandardHelpOptions = true,
        description = "Who is on call now, and who is next, for every schedule of a router configuration.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:printed", "1:the configuration has errors", "2:usage error"})
final class OnCallCommand implements Callable<Integer> {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE yyyy-MM-dd HH:mm z");

    @Option(names = "--config", required = true, paramLabel = "FILE", description = "The router configuration.")
    Path config;

    @Option(names = "--oncall-config", paramLabel = "FILE",
            description = "The on-call file beside it, with users and schedules (absent: the router configuration holds them).")
    Path onCallConfig;

    @Option(names = "--at", paramLabel = "INSTANT", description = "Ask about this moment instead of now, e.g. 2026-12-24T20:00:00Z.")
    Instant at;

    @Option(names = "--zone", paramLabel = "ZONE", description = "Print times in this time zone (default: each schedule's own).")
    ZoneId zone;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        LoadedConfig loaded = RouterConfigLoader.load(config, Optional.ofNullable(onCallConfig));
        loaded.problems().forEach(err::println);
        if (loaded.config().isEmpty()) {
            return 1;
        }
        RouterConfig router = loaded.config().get();
        Instant when = at == null ? Instant.now() : at;
        if (router.paging().onCall().schedules().isEmpty()) {
            out.println("no schedules in " + (onCallConfig == null ? config : onCallConfig));
            return 0;
        }
        for (OnCall.ScheduleOnCall schedule : OnCall.all(router.paging().onCall(), when)) {
            Shift now = schedule.now();
            ZoneId shown = zone != null ? zone : router.paging().onCall().schedules().get(now.schedule()).timeZone();
            out.printf("%s%n", now.schedule());
            out.printf("  now:  %-10s %s%n", now.user().orElse("(nobody)"), span(now, shown));
            schedule.next().ifPresent(next -> out.printf("  next: %-10s %s%n", next.user().orElse("(nobody)"), span(next, shown)));
        }
        return 0;
    }

    private static String span(Shift shift, ZoneId zone) {
        return "from " + text(shift.since(), zone) + " until " + text(shift.until(), zone);
    }

    private static String text(Optional<Instant> instant, ZoneId zone) {
        return instant.map(i -> WHEN.format(ZonedDateTime.ofInstant(i, zone))).orElse("(beyond a year)");
    }
}
