package dev.slopipeline.router.app;

import dev.slopipeline.router.config.RouterConfigLoader;
import dev.slopipeline.router.topology.RouterTopics;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * A router in a process of its own, for tests that kill it: {@code bootstrapServers configFile stateDir applicationId
 * topicSuffix portFile [partitions]} (partitions of the topics it creates, 1 unless given). Writes its HTTP port to
 * {@code portFile} once started, then runs until killed. A restart on the same state directory is the same static
 * member of the router's groups, so it takes its partitions back without waiting out the killed one's session.
 */
public final class RouterProcess {

    private RouterProcess() {
    }

    public static void main(String[] args) throws Exception {
        String suffix = args[4];
        RouterApp app = RouterApp.start(RouterAppConfig.builder().bootstrapServers(args[0])
                .set(RouterAppKeys.STATE_DIR, Path.of(args[2]))
                .set(RouterAppKeys.APPLICATION_ID, args[3])
                .topics(RouterTopics.withSuffix(suffix))
                .set(RouterAppKeys.TOPIC_DELIVERIES, "router.deliveries" + suffix)
                .set(RouterAppKeys.PARTITIONS, args.length > 6 ? Integer.parseInt(args[6]) : 1)
                .set(RouterAppKeys.HTTP_PORT, 0)
                .set(RouterAppKeys.PUNCTUATION_INTERVAL, Duration.ofMillis(200))
                .build(),
                RouterConfigLoader.load(Path.of(args[1])).orElseThrow());
        Path portFile = Path.of(args[5]);
        Path written = portFile.resolveSibling(portFile.getFileName() + ".tmp");
        Files.writeString(written, Integer.toString(app.httpPort()), StandardCharsets.UTF_8);
        Files.move(written, portFile, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        new CountDownLatch(1).await();
    }
}
