package dev.slopipeline.faults;

import dev.slopipeline.router.app.RouterAppConfig;
import dev.slopipeline.router.app.RouterAppKeys;
import dev.slopipeline.router.delivery.service.DispatchTopics;
import dev.slopipeline.router.topology.RouterTopics;
import dev.slopipeline.streams.app.StreamsAppConfig;
import dev.slopipeline.streams.app.StreamsAppKeys;
import dev.slopipeline.testkafka.SharedKafka;

/**
 * The topics and application ids of one attack on the cluster the run shares: the apps' defaults, each with a suffix
 * no other test uses, so the streams app and the router still meet on the same {@code slo.alerts}.
 */
public record OwnTopics(String suffix) {

    public static OwnTopics named(String name) {
        return new OwnTopics(SharedKafka.unique("." + name));
    }

    public StreamsAppConfig.Builder streams(StreamsAppConfig.Builder settings) {
        return settings.applicationId(StreamsAppKeys.APPLICATION_ID.defaultValue().orElseThrow() + suffix).topicsWithSuffix(suffix);
    }

    public RouterAppConfig.Builder router(RouterAppConfig.Builder settings) {
        return settings.set(RouterAppKeys.APPLICATION_ID, RouterAppKeys.APPLICATION_ID.defaultValue().orElseThrow() + suffix)
                .topics(RouterTopics.withSuffix(suffix))
                .set(RouterAppKeys.TOPIC_DELIVERIES, DispatchTopics.DEFAULT.deliveries() + suffix);
    }
}
