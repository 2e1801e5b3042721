package dev.slopipeline.router.app;

import dev.slopipeline.kit.config.ConfigListing;
import dev.slopipeline.kit.config.ConfigReader;
import dev.slopipeline.kit.config.InvalidConfigException;
import dev.slopipeline.kit.config.KafkaSettings;
import dev.slopipeline.kit.config.LayeredBuilder;
import dev.slopipeline.kit.kafka.GroupInstanceId;
import dev.slopipeline.router.delivery.service.DeliverySettings;
import dev.slopipeline.router.delivery.service.DispatchTopics;
import dev.slopipeline.router.routing.silence.SilenceLimits;
import dev.slopipeline.router.topology.RouterTopics;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;

/**
 * How the alert router runs, as {@link RouterAppKeys} set it: built from layers, later ones winning (defaults, a
 * config file, the environment, then explicit settings). What it routes is the other half, a
 * {@link dev.slopipeline.router.config.RouterConfig} read from {@code router.config}.
 *
 * @param bootstrapServers empty until the caller knows them, e.g. once an embedded broker runs
 * @param instanceId       this router's {@code group.instance.id}: {@code router.instance.id}, or derived from the host
 *                         and {@code router.state.dir}
 * @param delivery         the delivery service's group, topics and bound
 * @param externalUrl      empty: {@code http://localhost:<httpPort>}
 * @param access           the API's tokens
 * @param personLabels     whether {@code /metrics} may name people
 * @param silenceLimits    how many silences may mute at once, and for how long each
 * @param configFile       the routing config to load and watch; empty: alerts are grouped but sent nowhere
 * @param onCallConfigFile the on-call sections' file, loaded and watched with {@code configFile}; empty: that file
 *                         holds them, if any
 * @param kafka            client settings from {@code kafka.*} keys, without the prefix, for every Kafka client
 */
public record RouterAppConfig(
        Optional<String> bootstrapServers,
        String applicationId,
        Path stateDir,
        String instanceId,
        RouterTopics topics,
        DeliverySettings delivery,
        int httpPort,
        Optional<URI> externalUrl,
        Duration punctuationInterval,
        ApiAccess access,
        boolean personLabels,
        SilenceLimits silenceLimits,
        Optional<Path> configFile,
        Optional<Path> onCallConfigFile,
        Duration configCheckInterval,
        Map<String, String> kafka) {

    public RouterAppConfig {
        Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        Objects.requireNonNull(externalUrl, "externalUrl");
        Objects.requireNonNull(configFile, "configFile");
        Objects.requireNonNull(onCallConfigFile, "onCallConfigFile");
        kafka = Collections.unmodifiableMap(new TreeMap<>(kafka));
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * The settings of {@link RouterAppKeys} in {@code reader}'s layers; mistakes are noted in the reader, for the
     * caller to report with those of other apps read from the same layers.
     */
    public static RouterAppConfig read(ConfigReader reader) {
        String applicationId = reader.get(RouterAppKeys.APPLICATION_ID);
        Path stateDir = reader.get(RouterAppKeys.STATE_DIR);
        String instanceId = reader.find(RouterAppKeys.INSTANCE_ID).orElseGet(() -> GroupInstanceId.forStateDir(stateDir));
        RouterTopics topics = topics(reader);
        DispatchTopics dispatch = DispatchTopics.DEFAULT;
        try {
            dispatch = new DispatchTopics(topics.notifications(), reader.get(RouterAppKeys.TOPIC_DELIVERIES),
                    reader.get(RouterAppKeys.PARTITIONS), reader.get(RouterAppKeys.DELIVERIES_RETENTION));
        } catch (IllegalArgumentException e) {
            reader.refuse(RouterAppKeys.TOPIC_DELIVERIES, e.getMessage());
        }
        ApiAccess access = access(reader);
        Optional<Path> onCallConfigFile = reader.find(RouterAppKeys.ONCALL_CONFIG);
        if (onCallConfigFile.isPresent() && reader.find(RouterAppKeys.CONFIG).isEmpty()) {
            reader.refuse(RouterAppKeys.ONCALL_CONFIG, "the on-call file goes with a router file: set router.config too");
        }
        return new RouterAppConfig(
                reader.find(RouterAppKeys.BOOTSTRAP_SERVERS),
                applicationId,
                stateDir,
                instanceId,
                topics,
                new DeliverySettings(applicationId + "-dispatch", Optional.of(instanceId), dispatch,
                        reader.get(RouterAppKeys.MAX_UNFINISHED_INTENTS), DeliverySettings.DEFAULT_COMMIT_INTERVAL),
                reader.get(RouterAppKeys.HTTP_PORT),
                reader.find(RouterAppKeys.EXTERNAL_URL),
                reader.get(RouterAppKeys.PUNCTUATION_INTERVAL),
                access,
                reader.get(RouterAppKeys.METRICS_PERSON_LABELS),
                new SilenceLimits(reader.get(RouterAppKeys.SILENCES_MAX), reader.get(RouterAppKeys.SILENCES_MAX_DURATION)),
                reader.find(RouterAppKeys.CONFIG),
                onCallConfigFile,
                reader.get(RouterAppKeys.CONFIG_CHECK_INTERVAL),
                reader.passThrough(KafkaSettings.PASS_THROUGH, Map.of(
                        ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, RouterAppKeys.INSTANCE_ID.name())));
    }

    /** The same settings against these brokers, e.g. an embedded broker's once it runs. */
    public RouterAppConfig withBootstrapServers(String servers) {
        return new RouterAppConfig(Optional.of(servers), applicationId, stateDir, instanceId, topics, delivery, httpPort,
                externalUrl, punctuationInterval, access, personLabels, silenceLimits, configFile, onCallConfigFile,
                configCheckInterval, kafka);
    }

    /** {@code bootstrap.servers} and the {@code kafka.*} settings: what an Admin, producer or consumer needs. */
    public Map<String, Object> clientProperties() {
        return KafkaSettings.clientProperties(bootstrapServers, kafka);
    }

    /** {@code key = value} per setting, secrets masked: for {@code --print-config}. */
    public List<String> describe() {
        ConfigListing listing = new ConfigListing(RouterAppKeys.ALL)
                .value(RouterAppKeys.CONFIG, configFile, "(none: alerts are grouped but sent nowhere)")
                .value(RouterAppKeys.ONCALL_CONFIG, onCallConfigFile, "(none)")
                .value(RouterAppKeys.HTTP_PORT, httpPort)
                .value(RouterAppKeys.APPLICATION_ID, applicationId)
                .value(RouterAppKeys.STATE_DIR, stateDir)
                .value(RouterAppKeys.INSTANCE_ID, instanceId)
                .value(RouterAppKeys.EXTERNAL_URL, externalUrl, "(http://localhost:<router.http.port>)")
                .value(RouterAppKeys.PARTITIONS, delivery.topics().partitions())
                .value(RouterAppKeys.API_TOKEN, tokenNamed(ApiToken.WRITE_TOKEN), "(none: API writes are refused)")
                .value(RouterAppKeys.API_READ_TOKEN, tokenNamed(ApiToken.READ_TOKEN), "(none)")
                .absent(RouterAppKeys.API_TOKENS_FILE, tokenNames())
                .value(RouterAppKeys.API_READS_NEED_TOKEN, access.requireTokenForReads())
                .value(RouterAppKeys.METRICS_PERSON_LABELS, personLabels)
                .value(RouterAppKeys.SILENCES_MAX, silenceLimits.maxSilences())
                .value(RouterAppKeys.SILENCES_MAX_DURATION, silenceLimits.maxDuration())
                .value(RouterAppKeys.PUNCTUATION_INTERVAL, punctuationInterval)
                .value(RouterAppKeys.CONFIG_CHECK_INTERVAL, configCheckInterval)
                .value(RouterAppKeys.MAX_UNFINISHED_INTENTS, delivery.maxUnfinishedIntents())
                .value(RouterAppKeys.DELIVERIES_RETENTION, delivery.topics().deliveriesRetention());
        List<String> names = topics.all();
        for (int i = 0; i < names.size(); i++) {
            listing.value(RouterAppKeys.TOPICS.get(i), names.get(i));
        }
        return listing.value(RouterAppKeys.TOPIC_DELIVERIES, delivery.topics().deliveries())
                .value(RouterAppKeys.BOOTSTRAP_SERVERS, bootstrapServers, "(embedded broker)")
                .passThrough(KafkaSettings.PASS_THROUGH, kafka)
                .lines();
    }

    /** Secrets masked, so that logging a config never leaks a token. */
    @Override
    public String toString() {
        return "RouterAppConfig{" + String.join(", ", describe()) + "}";
    }

    /** The token of {@code router.api.token} or {@code router.api.read.token}, masked wherever it is printed. */
    private Optional<String> tokenNamed(String name) {
        return access.tokens().stream().filter(token -> token.name().equals(name)).map(ApiToken::secret).findFirst();
    }

    /** The tokens of {@code router.api.tokens.file} by name: the file's path is not kept, its names say enough. */
    private String tokenNames() {
        List<String> names = access.tokens().stream().map(ApiToken::name)
                .filter(name -> !name.equals(ApiToken.WRITE_TOKEN) && !name.equals(ApiToken.READ_TOKEN)).toList();
        return names.isEmpty() ? "(none)" : "(tokens " + String.join(", ", names) + ")";
    }

    private static ApiAccess access(ConfigReader reader) {
        ApiAccess access = ApiAccess.NONE.withTokenRequiredForReads(reader.get(RouterAppKeys.API_READS_NEED_TOKEN));
        Optional<String> writeToken = reader.find(RouterAppKeys.API_TOKEN);
        Optional<String> readToken = reader.find(RouterAppKeys.API_READ_TOKEN);
        if (writeToken.isPresent()) {
            access = access.withToken(writeToken.get(), ApiScope.WRITE);
        }
        if (readToken.isPresent()) {
            access = access.withToken(readToken.get(), ApiScope.READ);
        }
        Optional<Path> tokensFile = reader.find(RouterAppKeys.API_TOKENS_FILE);
        if (tokensFile.isPresent()) {
            List<ApiToken> named = ApiTokensFile.read(tokensFile.get(),
                    problem -> reader.refuse(RouterAppKeys.API_TOKENS_FILE, problem));
            try {
                access = access.withTokens(named);
            } catch (IllegalArgumentException e) {
                reader.refuse(RouterAppKeys.API_TOKENS_FILE, e.getMessage());
            }
        }
        return access;
    }

    private static RouterTopics topics(ConfigReader reader) {
        List<String> names = RouterAppKeys.TOPICS.stream().map(reader::get).toList();
        try {
            return new RouterTopics(names.get(0), names.get(1), names.get(2), names.get(3), names.get(4), names.get(5),
                    names.get(6), names.get(7), names.get(8), names.get(9), names.get(10));
        } catch (IllegalArgumentException e) {
            reader.refuse(e.getMessage());
            return RouterTopics.DEFAULT;
        }
    }

    /**
     * Collects settings layer by layer and checks them all at once in {@link #build()}, reporting every mistake with
     * where it came from.
     */
    public static final class Builder extends LayeredBuilder<Builder> {

        private Builder() {
        }

        public Builder bootstrapServers(String servers) {
            return set(RouterAppKeys.BOOTSTRAP_SERVERS, servers);
        }

        /** Every topic of the routing topology, e.g. {@link RouterTopics#withSuffix} for a test's own. */
        public Builder topics(RouterTopics topics) {
            List<String> names = topics.all();
            for (int i = 0; i < names.size(); i++) {
                set(RouterAppKeys.TOPICS.get(i), names.get(i));
            }
            return this;
        }

        /** @throws InvalidConfigException listing every invalid or unknown setting, with where it was set */
        public RouterAppConfig build() {
            return build(RouterAppKeys.ALL, "router", RouterAppConfig::read);
        }
    }
}
