package dev.slopipeline.router.app;

import dev.slopipeline.router.config.RouterConfigLoader;
import dev.slopipeline.router.topology.RouterTopics;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * A router in a process of its own, for tests that kill it: {@code bootstrapServers configFile stateDir applicationId
 * topicSuffix portFile [partitions]} (partitions of the topics it creates, 1 unless given). Writes its HTTP port to
 * {@code portFile} once started, then runs until killed.
 */
public final class RouterProcess {

    private RouterProcess() {
    }

    public static void main(String[] args) throws Exception {
        String suffix = args[4];
        RouterApp app = RouterApp.builder(args[0], RouterConfigLoader.load(Path.of(args[1])).orElseThrow())
                .stateDir(Path.of(args[2]))
                .applicationId(args[3])
                .topics(RouterTopics.withSuffix(suffix))
                .deliveriesTopic("router.deliveries" + suffix)
                .partitions(args.length > 6 ? Integer.parseInt(args[6]) : 1)
                .httpPort(0)
                .punctuationInterval(Duration.ofMillis(200))
                // A killed member's partitions move on after 6 s (the broker's minimum) instead of 45 s.
                .kafkaProperties(Map.of("session.timeout.ms", 6000, "heartbeat.interval.ms", 1000))
                .start();
        Path portFile = Path.of(args[5]);
        Path written = portFile.resolveSibling(portFile.getFileName() + ".tmp");
        Files.writeString(written, Integer.toString(app.httpPort()), StandardCharsets.UTF_8);
        Files.move(written, portFile, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        new CountDownLatch(1).await();
    }
}
