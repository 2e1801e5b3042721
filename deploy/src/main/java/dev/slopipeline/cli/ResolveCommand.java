package dev.slopipeline.cli;

import picocli.CommandLine.Command;

@Command(
        name = "resolve",
        mixinStandardHelpOptions = true,
        description = "Resolve an incident: escalation ends and everyone who was paged is told.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:accepted", "1:refused (unknown id, already resolved, no write token) or the router could not "
                + "be reached", "2:usage error"})
final class ResolveCommand extends IncidentActionCommand {

    @Override
    String verb() {
        return "resolve";
    }
}
