package dev.slopipeline.cli;

import picocli.CommandLine.Command;

@Command(
        name = "ack",
        mixinStandardHelpOptions = true,
        description = "Acknowledge an incident: escalation stops until the policy's acknowledgement timeout. "
                + "Acknowledging twice changes nothing.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:accepted", "1:refused (unknown id, resolved, no write token) or the router could not be reached",
                "2:usage error"})
final class AckCommand extends IncidentActionCommand {

    @Override
    String verb() {
        return "ack";
    }
}
