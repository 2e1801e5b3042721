package dev.slopipeline.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "incidents",
        mixinStandardHelpOptions = true,
        description = "List the router's incidents, newest first: id, state, who acknowledged, level, summary.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:listed", "1:the router refused or could not be reached", "2:usage error"})
final class IncidentsCommand implements Callable<Integer> {

    @Option(names = "--state", paramLabel = "open|all", defaultValue = "open",
            description = "open (not resolved; the default) or all.")
    String state;

    @Option(names = "--json", description = "Print the API's JSON as it is.")
    boolean json;

    @Mixin
    RouterApiClient.Options api;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (!state.equals("open") && !state.equals("all")) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--state must be open or all, got " + state);
        }
        return RouterApiClient.exitCode(spec, () -> {
            JsonNode answer = api.client().get("/api/v1/incidents?state=" + state);
            if (json) {
                out.println(answer.toPrettyString());
                return 0;
            }
            JsonNode incidents = answer.path("incidents");
            if (incidents.isEmpty()) {
                out.println(state.equals("open") ? "no open incidents" : "no incidents");
                return 0;
            }
            out.printf("%-44s %-13s %-21s %-12s %-5s %s%n", "ID", "STATE", "TRIGGERED", "ACKED BY", "LEVEL", "SUMMARY");
            for (JsonNode incident : incidents) {
                out.printf("%-44s %-13s %-21s %-12s %-5s %s%n", incident.path("id").asText(),
                        incident.path("state").asText(), incident.path("triggeredAt").asText(),
                        text(incident.path("acknowledgedBy")), incident.path("level").asText(),
                        incident.path("summary").asText());
            }
            return 0;
        });
    }

    private static String text(JsonNode node) {
        return node.isNull() || node.isMissingNode() ? "-" : node.asText();
    }
}
