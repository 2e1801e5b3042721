package dev.slopipeline.faults.kill;

import dev.slopipeline.broker.EmbeddedKafkaBroker;
import dev.slopipeline.faults.scenario.QuickRouter;
import dev.slopipeline.router.app.RouterApp;
import dev.slopipeline.streams.app.SloPipeline;
import dev.slopipeline.streams.app.StreamsApp;
import dev.slopipeline.streams.app.StreamsAppConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.streams.KafkaStreams;

/**
 * One part of the pipeline in a JVM of its own, for the kill harness; it runs until killed and writes
 * {@code readyFile} once it serves (for the router: its HTTP port).
 *
 * <pre>
 * broker  DATA_DIR PORT CONTROLLER_PORT READY_FILE
 * streams BOOTSTRAP STATE_DIR DEFINITIONS_DIR READY_FILE
 * router  BOOTSTRAP CONFIG_FILE STATE_DIR READY_FILE
 * </pre>
 *
 * With the settings users get: a restart on the same state directory is the same static member of its groups and
 * takes its partitions back at once.
 */
public final class PipelineProcess {

    private PipelineProcess() {
    }

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "broker" -> {
                EmbeddedKafkaBroker.builder().dataDirectory(Path.of(args[1])).port(Integer.parseInt(args[2]))
                        .controllerPort(Integer.parseInt(args[3])).numPartitions(1).start();
                ready(Path.of(args[4]), "broker");
            }
            case "streams" -> {
                StreamsAppConfig.Builder config = StreamsAppConfig.builder().bootstrapServers(args[1]).stateDir(Path.of(args[2]))
                        .definitionsDir(Path.of(args[3])).httpPort(0).set("topics.partitions", "1");
                StreamsApp app = SloPipeline.start(config.build());
                long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
                while (app.state() != KafkaStreams.State.RUNNING && System.nanoTime() < deadline) {
                    Thread.sleep(100);
                }
                ready(Path.of(args[4]), app.state().toString());
            }
            case "router" -> {
                RouterApp app = RouterApp.start(QuickRouter.settings(args[1], Path.of(args[2]), Path.of(args[3])).build());
                ready(Path.of(args[4]), Integer.toString(app.httpPort()));
            }
            default -> throw new IllegalArgumentException("unknown part " + args[0] + "; expected broker, streams or router");
        }
        new CountDownLatch(1).await();
    }

    private static void ready(Path file, String content) throws IOException {
        Path written = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(written, content, StandardCharsets.UTF_8);
        Files.move(written, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
