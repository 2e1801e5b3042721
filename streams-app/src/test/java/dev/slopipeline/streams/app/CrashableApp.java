package dev.slopipeline.streams.app;

import java.nio.file.Path;

import org.apache.kafka.streams.KafkaStreams;

/**
 * The streams app in a process of its own, for tests that kill it: {@code CrashableApp <bootstrap servers>
 * <run> <state dir>}. Runs until killed; prints {@value #RUNNING} once the streams client runs.
 */
public final class CrashableApp {

    static final String RUNNING = "slo-pipeline-running";

    private CrashableApp() {
    }

    public static void main(String[] args) throws InterruptedException {
        StreamsApp app = SloPipeline.start(config(args[0], args[1], Path.of(args[2])));
        app.awaitFirstRunning();
        // it may be rebalancing again already; only a client that never ran is a failure
        if (!app.state().isRunningOrRebalancing()) {
            System.err.println("the streams client stopped before it ran: " + app.state());
            System.exit(1);
        }
        System.out.println(RUNNING);
        System.out.flush();
        app.awaitTermination();
    }

    /**
     * Its own application id and topics per run, exactly-once as in production, and otherwise the settings
     * users get: a restart on the same state directory is the same static member, so it need not wait out
     * the killed instance's session.
     */
    static StreamsAppConfig config(String bootstrapServers, String run, Path stateDir) {
        StreamsAppConfig.Builder builder = StreamsAppConfig.builder()
                .bootstrapServers(bootstrapServers)
                .applicationId("slo-pipeline-test-" + run)
                .stateDir(stateDir)
                .httpPort(0)
                .processingGuarantee(StreamsAppConfig.EXACTLY_ONCE_V2)
                .set("topics.partitions", "1");
        builder.topicsWithSuffix("." + run);
        return builder.build();
    }
}
