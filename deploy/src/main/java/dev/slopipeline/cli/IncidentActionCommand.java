package dev.slopipeline.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Acknowledge or resolve one incident through the router's API; the two commands differ only in the verb. */
abstract class IncidentActionCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "ID", description = "The incident id, as `slo incidents` lists it.")
    String id;

    @Option(names = "--by", required = true, paramLabel = "NAME", description = "Who does it (shown on the timeline).")
    String by;

    @Option(names = "--comment", paramLabel = "TEXT", description = "A remark for the incident's timeline.")
    String comment;

    @Mixin
    RouterApiClient.Options api;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** The last segment of the API path: ack or resolve. */
    abstract String verb();

    @Override
    public Integer call() {
        ObjectNode body = JsonNodeFactory.instance.objectNode().put("by", by);
        if (comment != null) {
            body.put("comment", comment);
        }
        String path = "/api/v1/incidents/" + URLEncoder.encode(id, StandardCharsets.UTF_8) + "/" + verb();
        return RouterApiClient.exitCode(spec, () -> {
            JsonNode answer = api.client().post(path, body);
            spec.commandLine().getOut().println(id + ": " + answer.path("message").asText("accepted"));
            return 0;
        });
    }
}
