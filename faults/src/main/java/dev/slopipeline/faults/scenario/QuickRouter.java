package dev.slopipeline.faults.scenario;

import dev.slopipeline.router.app.RouterAppConfig;
import dev.slopipeline.router.app.RouterAppKeys;
import java.nio.file.Path;
import java.time.Duration;

/** The router the attacks run against: one partition, groups flushed every 200 ms, the API on a free port. */
public final class QuickRouter {

    private QuickRouter() {
    }

    /** Routing by {@code routerConfig}, which the router reloads when it changes; add more settings before building. */
    public static RouterAppConfig.Builder settings(String bootstrapServers, Path routerConfig, Path stateDir) {
        return RouterAppConfig.builder().bootstrapServers(bootstrapServers)
                .set(RouterAppKeys.CONFIG, routerConfig)
                .set(RouterAppKeys.STATE_DIR, stateDir)
                .set(RouterAppKeys.PARTITIONS, 1)
                .set(RouterAppKeys.HTTP_PORT, 0)
                .set(RouterAppKeys.PUNCTUATION_INTERVAL, Duration.ofMillis(200));
    }
}
