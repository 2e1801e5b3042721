package dev.slopipeline.cli;

import dev.slopipeline.definitions.publish.DefinitionRecords;
import dev.slopipeline.kit.config.ConfigLayers;
import dev.slopipeline.kit.config.InvalidConfigException;
import dev.slopipeline.run.RunSettings;
import dev.slopipeline.streams.app.StreamsAppConfig;
import dev.slopipeline.streams.publish.ApplyOptions;
import dev.slopipeline.streams.publish.ApplyResult;
import dev.slopipeline.streams.publish.DefinitionPublisher;
import dev.slopipeline.streams.publish.DefinitionsTopic;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apache.kafka.common.KafkaException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "apply",
        mixinStandardHelpOptions = true,
        description = {
                "Validate definitions and publish them to the compacted slo.definitions topic;",
                "a running streams app picks them up without a restart.",
                "Prints what is added, changed, unchanged and (with --prune) removed."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:applied (or nothing to change)", "1:the definitions have errors, or Kafka refused", "2:usage error, or an invalid configuration"})
final class ApplyCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "YAML files, or folders searched for *.yaml and *.yml")
    List<Path> paths;

    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT",
            description = "Kafka to publish to (default: bootstrap.servers of --config or SLO_PIPELINE_BOOTSTRAP_SERVERS, else localhost:9092).")
    String bootstrapServers;

    @Option(names = "--config", paramLabel = "FILE", description = "The pipeline configuration file (topic names, kafka.* client settings such as TLS or SASL).")
    Path config;

    @Option(names = "--prune", description = "Also remove published definitions that are no longer in the files.")
    boolean prune;

    @Option(names = "--dry-run", description = "Show what would change without writing anything.")
    boolean dryRun;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "15s", converter = DurationOption.class,
            description = "How long to wait for Kafka, e.g. 30s or 2m (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        DefinitionRecords records = DefinitionRecords.fromFiles(paths);
        if (records.isRefused()) {
            records.problems().forEach(err::println);
            err.println("slo apply: nothing was published; fix the errors first (slo lint shows them all)");
            return 1;
        }
        StreamsAppConfig settings;
        try {
            // the file may hold the router's and the broker's keys too: read it as slo run does
            ConfigLayers layers = new ConfigLayers();
            Optional.ofNullable(config).ifPresent(layers::file);
            settings = RunSettings.from(layers.env(System.getenv())).streams();
        } catch (InvalidConfigException e) {
            err.println("slo apply: invalid configuration:");
            e.problems().forEach(problem -> err.println("  " + problem));
            return 2;
        } catch (IllegalArgumentException e) {
            err.println("slo apply: invalid configuration:");
            err.println("  " + e.getMessage());
            return 2;
        }
        String servers = bootstrapServers != null ? bootstrapServers : settings.bootstrapServers().orElse("localhost:9092");
        settings = settings.withBootstrapServers(servers);
        String topicName = settings.topics().definitions();
        try {
            DefinitionsTopic topic = new DefinitionsTopic(settings.clientProperties(), topicName, timeout);
            ApplyResult result = new DefinitionPublisher(settings.clientProperties(), topic, settings.replication())
                    .apply(records, new ApplyOptions(prune, dryRun));
            result.changes().describe(prune).forEach(out::println);
            out.println(dryRun ? "dry run: nothing written to " + topicName
                    : result.written().size() + " record(s) written to " + topicName + " on " + servers);
            return 0;
        } catch (KafkaException | IllegalStateException e) {
            err.println("slo apply: could not publish to " + topicName + " on " + servers + ": " + e.getMessage());
            return 1;
        }
    }
}
