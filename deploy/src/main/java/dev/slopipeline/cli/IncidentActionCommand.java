package dev.slopipeline.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
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
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ObjectNode body = RouterApiClient.mapper().createObjectNode().put("by", by);
        if (comment != null) {
            body.put("comment", comment);
        }
        String path = "/api/v1/incidents/" + URLEncoder.encode(id, StandardCharsets.UTF_8) + "/" + verb();
        Optional<RouterApiClient.Answer> answer = new RouterApiClient(api).succeeded(client -> client.post(path, body), err);
        if (answer.isEmpty()) {
            return 1;
        }
        out.println(id + ": " + answer.get().body().path("message").asText("accepted"));
        return 0;
    }
}
