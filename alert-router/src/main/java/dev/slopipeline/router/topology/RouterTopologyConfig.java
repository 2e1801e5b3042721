package dev.slopipeline.router.topology;

import dev.slopipeline.router.config.RouterConfig;
import dev.slopipeline.router.routing.inhibit.DefaultInhibition;
import dev.slopipeline.router.routing.silence.SilenceLimits;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Everything {@link RouterTopology#build} needs.
 *
 * <p>{@code routerConfig} is fixed for the life of a topology built with {@code RouterTopology.build(config)}; the
 * overload with a config supplier follows a reloaded config while it runs. Either way the grouping state survives a
 * change (a group whose route disappeared is regrouped, see {@code GroupingEngine.importState}).
 *
 * @param punctuationInterval how often, in wall-clock time, due groups are flushed; group_wait and group_interval
 *                            are honoured to within this
 * @param externalUrl         where humans find the router, written into every notification
 * @param inhibition          whether the built-in page-inhibits-ticket rule joins the config's rules
 * @param metrics             where the notification pipeline's counters go
 * @param silenceLimits       how many silences may mute at once, and for how long each
 */
public record RouterTopologyConfig(RouterConfig routerConfig,
                                   RouterTopics topics,
                                   Duration punctuationInterval,
                                   URI externalUrl,
                                   DefaultInhibition inhibition,
                                   MeterRegistry metrics,
                                   SilenceLimits silenceLimits) {

    public static final Duration DEFAULT_PUNCTUATION_INTERVAL = Duration.ofSeconds(1);

    public RouterTopologyConfig {
        Objects.requireNonNull(routerConfig, "routerConfig");
        Objects.requireNonNull(topics, "topics");
        Objects.requireNonNull(punctuationInterval, "punctuationInterval");
        Objects.requireNonNull(externalUrl, "externalUrl");
        Objects.requireNonNull(inhibition, "inhibition");
        Objects.requireNonNull(metrics, "metrics");
        Objects.requireNonNull(silenceLimits, "silenceLimits");
        if (punctuationInterval.isNegative() || punctuationInterval.isZero()) {
            throw new IllegalArgumentException("punctuationInterval must be positive, was " + punctuationInterval);
        }
    }

    /** With the {@linkplain SilenceLimits#DEFAULT default silence limits}. */
    public RouterTopologyConfig(RouterConfig routerConfig, RouterTopics topics, Duration punctuationInterval,
                                URI externalUrl, DefaultInhibition inhibition, MeterRegistry metrics) {
        this(routerConfig, topics, punctuationInterval, externalUrl, inhibition, metrics, SilenceLimits.DEFAULT);
    }

    /** Default topics, a one-second punctuation and the built-in inhibition rule on. */
    public static RouterTopologyConfig of(RouterConfig routerConfig, URI externalUrl, MeterRegistry metrics) {
        return new RouterTopologyConfig(routerConfig, RouterTopics.DEFAULT, DEFAULT_PUNCTUATION_INTERVAL, externalUrl,
                DefaultInhibition.ON, metrics);
    }

    public RouterTopologyConfig withTopics(RouterTopics topics) {
        return new RouterTopologyConfig(routerConfig, topics, punctuationInterval, externalUrl, inhibition, metrics,
                silenceLimits);
    }

    public RouterTopologyConfig withInhibition(DefaultInhibition inhibition) {
        return new RouterTopologyConfig(routerConfig, topics, punctuationInterval, externalUrl, inhibition, metrics,
                silenceLimits);
    }

    public RouterTopologyConfig withSilenceLimits(SilenceLimits limits) {
        return new RouterTopologyConfig(routerConfig, topics, punctuationInterval, externalUrl, inhibition, metrics,
                limits);
    }
}
