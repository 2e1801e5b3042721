package dev.slopipeline.streams.app;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.streams.StreamsConfig;

/** Keeps credentials out of logs and printed configs. */
final class Secrets {

    static final String MASK = "******";

    private static final List<String> SECRET_KEY_PARTS = List.of("password", "secret", "sasl.jaas.config", "token");
    /**
     * Every setting Kafka's clients declare as a password, whatever its name: {@code ssl.keystore.key} holds a
     * private key in PEM, {@code ssl.keystore.certificate.chain} and {@code ssl.truststore.certificates} likewise.
     */
    private static final Set<String> KAFKA_PASSWORDS = passwordKeys(StreamsConfig.configDef(), ProducerConfig.configDef(),
            ConsumerConfig.configDef(), AdminClientConfig.configDef());

    private Secrets() {
    }

    static boolean isSecret(String key) {
        String lower = key.toLowerCase(Locale.ROOT);
        return KAFKA_PASSWORDS.contains(lower) || SECRET_KEY_PARTS.stream().anyMatch(lower::contains);
    }

    static String printable(String key, String value) {
        return isSecret(key) ? MASK : value;
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
        return keys;
    }
}
