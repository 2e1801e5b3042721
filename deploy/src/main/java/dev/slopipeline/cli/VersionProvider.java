package dev.slopipeline.cli;

import picocli.CommandLine;

/** The version from the jar's manifest, so that it never disagrees with the build. */
final class VersionProvider implements CommandLine.IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = SloCommand.class.getPackage().getImplementationVersion();
        return new String[] {"slo-pipeline " + (version == null ? "(development build)" : version)};
    }
}
