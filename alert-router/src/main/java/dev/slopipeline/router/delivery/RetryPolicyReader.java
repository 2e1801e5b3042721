package dev.slopipeline.router.delivery;

import dev.slopipeline.kit.yaml.YamlFields;
import dev.slopipeline.kit.yaml.YamlMap;
import java.time.Duration;
import java.util.Optional;

/**
 * Reads {@code delivery}, a section of slo-pipeline's own (Alertmanager has none): how the dispatcher retries, and
 * after how many failed attempts on a receiver its {@code fallback} takes over. What is not written keeps
 * {@link RetryPolicy#DEFAULT}.
 */
public final class RetryPolicyReader {

    private RetryPolicyReader() {
    }

    public static RetryPolicy read(YamlMap map) {
        RetryPolicy defaults = RetryPolicy.DEFAULT;
        Duration base = YamlFields.duration(map, "retry_initial_backoff").orElse(defaults.base());
        Duration cap = YamlFields.duration(map, "retry_max_backoff").orElse(defaults.cap());
        int attempts = map.get("attempts_before_failover").flatMap(node -> {
            long value = node.asInteger(map.problems(), map.describe("attempts_before_failover")).orElse(1);
            if (value < 1 || value > Integer.MAX_VALUE) {
                map.problems().error(node.location(), map.describe("attempts_before_failover")
                        + " must be a positive number of attempts, got " + value);
                return Optional.<Integer>empty();
            }
            return Optional.of((int) value);
        }).orElse(defaults.attemptsBeforeFailover());
        map.rejectUnknownFields();
        if (base.isZero()) {
            map.problems().error(map.keyLocation("retry_initial_backoff"), map.describe("retry_initial_backoff")
                    + " must be longer than 0, e.g. 1s");
            return defaults;
        }
        if (cap.compareTo(base) < 0) {
            map.problems().error(map.keyLocation("retry_max_backoff"), map.describe("retry_max_backoff")
                    + " (5m unless written) must be at least \"retry_initial_backoff\": it caps the doubling waits");
            return defaults;
        }
        return new RetryPolicy(base, cap, attempts);
    }
}
