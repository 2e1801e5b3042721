package dev.slopipeline.kit.config;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.ConfigDef;

/** What every app that talks to Kafka reads the same way: its brokers, names Kafka accepts, and {@code kafka.*}. */
public final class KafkaSettings {

    public static final Key<String> BOOTSTRAP_SERVERS = Key.of("bootstrap.servers", ValueTypes.text(), null,
            "Kafka brokers; absent: the caller starts an embedded broker");

    /** Topic names, application ids and store names. */
    public static final ValueType<String> NAME = ValueTypes.matching(Pattern.compile("[a-zA-Z0-9._-]{1,249}"),
            "1 to 249 letters, digits, '.', '_' or '-'");

    /** Every Kafka client setting, handed to each client of the app without the prefix. */
    public static final PassThrough PASS_THROUGH = new PassThrough("kafka.", "Kafka client settings", KafkaSettings::isSecret);

    /**
     * Every setting Kafka's clients declare as a password, whatever its name: {@code ssl.keystore.key} holds a
     * private key in PEM, {@code ssl.keystore.certificate.chain} and {@code ssl.truststore.certificates} likewise.
     */
    private static final Set<String> PASSWORDS = passwordKeys(ProducerConfig.configDef(), ConsumerConfig.configDef(),
            AdminClientConfig.configDef());

    private KafkaSettings() {
    }

    /**
     * {@code bootstrap.servers} and the pass-through settings, as an Admin, a producer or a consumer takes them.
     *
     * @throws IllegalStateException without brokers: an app's config gets them once an embedded broker runs
     */
    public static Map<String, Object> clientProperties(Optional<String> bootstrapServers, Map<String, String> passThrough) {
        Map<String, Object> properties = new HashMap<>(passThrough);
        properties.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers.orElseThrow(() ->
                new IllegalStateException("No bootstrap.servers: start an embedded broker and use withBootstrapServers")));
        return properties;
    }

    private static boolean isSecret(String clientKey) {
        return PASSWORDS.contains(clientKey.toLowerCase(Locale.ROOT)) || Secrets.looksSecret(clientKey);
    }

    private static Set<String> passwordKeys(ConfigDef... definitions) {
        Set<String> keys = new HashSet<>();
        for (ConfigDef definition : definitions) {
            definition.configKeys().forEach((name, key) -> {
                if (key.type == ConfigDef.Type.PASSWORD) {
                    keys.add(name);
                }
            });
        }
        return Set.copyOf(keys);
    }
}
