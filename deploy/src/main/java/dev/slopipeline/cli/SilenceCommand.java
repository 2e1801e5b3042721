package dev.slopipeline.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slopipeline.router.routing.matcher.MatcherParser;
import dev.slopipeline.router.routing.matcher.MatcherSyntaxException;
import dev.slopipeline.router.routing.matcher.ParsedMatchers;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

/** {@code slo silence add|list|expire}: the router's silences over its HTTP API, as amtool manages Alertmanager's. */
@Command(
        name = "silence",
        mixinStandardHelpOptions = true,
        description = "Add, list and expire silences on a running alert router (through its HTTP API).",
        subcommands = {SilenceCommand.Add.class, SilenceCommand.ListSilences.class, SilenceCommand.Expire.class})
final class SilenceCommand implements Runnable {

    static final String PATH = "/api/v1/silences";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** How to print the router's answer (a picocli mixin). */
    static final class OutputOption {

        @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", defaultValue = "simple",
                description = "simple (a table, as amtool prints it) or json.")
        Format format;
    }

    enum Format { simple, json }

    private static void printJson(PrintWriter out, JsonNode node) {
        try {
            out.println(JsonMapper.builder().build().writerWithDefaultPrettyPrinter().writeValueAsString(node));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Command(
            name = "add",
            mixinStandardHelpOptions = true,
            description = {
                    "Silence the alerts that match every matcher, e.g.",
                    "  slo silence add -d 2h -a alice -c failover 'slo=\"checkout\"' 'team=~\"pay.*\"'",
                    "Prints the new silence's id."},
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:the router accepted the silence", "1:the router refused it or could not be reached",
                    "2:usage error (a matcher or time that cannot be read)"})
    static final class Add implements Callable<Integer> {

        @Mixin
        RouterApiClient.Options router;

        @Mixin
        OutputOption output;

        @ArgGroup(exclusive = true)
        Until until = new Until();

        static final class Until {
            @Option(names = {"-d", "--duration"}, paramLabel = "DURATION", converter = DurationOption.class,
                    description = "How long the silence lasts from its start, e.g. 90m, 2h, 1d (default 1h).")
            Duration duration;

            @Option(names = "--end", paramLabel = "TIME", description = "When the silence ends (ISO-8601, e.g. 2026-11-23T18:00:00Z).")
            String end;
        }

        @Option(names = "--start", paramLabel = "TIME", description = "When the silence starts (ISO-8601; default now).")
        String start;

        @Option(names = {"-a", "--author"}, paramLabel = "NAME", defaultValue = "${USER}",
                description = "Who creates the silence (default: $USER).")
        String author;

        @Option(names = {"-c", "--comment"}, required = true, paramLabel = "TEXT", description = "Why (a ticket, the work under way).")
        String comment;

        @Parameters(paramLabel = "MATCHER", arity = "1..*",
                description = "Alertmanager matchers: name=\"value\", name!=\"value\", name=~\"regex\", name!~\"regex\".")
        List<String> matchers = new ArrayList<>();

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            ObjectNode body = JsonNodeFactory.instance.objectNode();
            ArrayNode items = body.putArray("matchers");
            for (String text : matchers) {
                ParsedMatchers parsed;
                try {
                    parsed = MatcherParser.parseSingle(text);
                } catch (MatcherSyntaxException e) {
                    throw new CommandLine.ParameterException(spec.commandLine(),
                            "matcher " + text + " cannot be read: " + e.getMessage());
                }
                parsed.warning().ifPresent(spec.commandLine().getErr()::println);
                parsed.matchers().forEach(matcher -> items.add(matcher.toString()));
            }
            if (author == null || author.isBlank()) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--author is required ($USER is not set)");
            }
            Instant startsAt = start == null ? Instant.now() : instant("--start", start);
            Instant endsAt = until.end != null ? instant("--end", until.end)
                    : startsAt.plus(duration(until.duration == null ? Duration.ofHours(1) : until.duration));
            if (start != null) {
                body.put("startsAt", startsAt.toString());
            }
            body.put("endsAt", endsAt.toString()).put("createdBy", author).put("comment", comment);
            return RouterApiClient.exitCode(spec, () -> {
                JsonNode answer = router.client().post(PATH, body);
                if (output.format == Format.json) {
                    printJson(spec.commandLine().getOut(), answer);
                } else {
                    spec.commandLine().getOut().println(answer.path("id").asText());
                }
                return 0;
            });
        }

        private Duration duration(Duration duration) {
            if (duration.isZero() || duration.isNegative()) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--duration: a silence must last longer than 0");
            }
            return duration;
        }

        private Instant instant(String option, String text) {
            try {
                return Instant.parse(text);
            } catch (DateTimeParseException e) {
                try {
                    return java.time.OffsetDateTime.parse(text).toInstant();
                } catch (DateTimeParseException again) {
                    throw new CommandLine.ParameterException(spec.commandLine(), option + ": \"" + text
                            + "\" is not a time; write ISO-8601 with an offset, e.g. 2026-11-23T18:00:00Z");
                }
            }
        }
    }

    @Command(
            name = "list",
            aliases = "query",
            mixinStandardHelpOptions = true,
            description = "List the active and pending silences (--expired: the expired ones).")
    static final class ListSilences implements Callable<Integer> {

        @Mixin
        RouterApiClient.Options router;

        @Mixin
        OutputOption output;

        @Option(names = "--expired", description = "Show expired silences instead of active and pending ones.")
        boolean expired;

        @Option(names = {"-q", "--quiet"}, description = "Print only the ids.")
        boolean quiet;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            return RouterApiClient.exitCode(spec, () -> {
                JsonNode answer = router.client().get(PATH);
                ArrayNode shown = JsonNodeFactory.instance.arrayNode();
                for (JsonNode silence : answer.path("silences")) {
                    boolean isExpired = silence.path("status").path("state").asText().equals("expired");
                    if (isExpired == expired) {
                        shown.add(silence);
                    }
                }
                PrintWriter out = spec.commandLine().getOut();
                if (quiet) {
                    shown.forEach(silence -> out.println(silence.path("id").asText()));
                } else if (output.format == Format.json) {
                    printJson(out, shown);
                } else {
                    SilenceTable.print(out, shown);
                }
                return 0;
            });
        }
    }

    @Command(
            name = "expire",
            mixinStandardHelpOptions = true,
            description = "Expire silences now (they stay listed under --expired).",
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:every silence expired", "1:the router refused one (e.g. an unknown id) or could not be reached"})
    static final class Expire implements Callable<Integer> {

        @Mixin
        RouterApiClient.Options router;

        @Parameters(paramLabel = "ID", arity = "1..*", description = "Silence ids, as add and list print them.")
        List<String> ids = new ArrayList<>();

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            return RouterApiClient.exitCode(spec, () -> {
                RouterApiClient client = router.client();
                for (String id : ids) {
                    client.delete(PATH + "/" + id.trim());
                }
                return 0;
            });
        }
    }
}
