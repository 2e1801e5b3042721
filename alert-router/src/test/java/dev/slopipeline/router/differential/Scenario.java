package dev.slopipeline.router.differential;

import dev.slopipeline.definitions.model.Severity;
import dev.slopipeline.kit.time.Durations;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.yaml.snakeyaml.Yaml;

/**
 * A scripted sequence of alerts over time and the routing config both sides run, read from a test resource under
 * {@code differential/} (the first one, {@code slo-groups.yml}, explains the format and its timing rules).
 *
 * @param config the router config in Alertmanager's format; {@code ${hook}} stands for each side's webhook sink
 * @param end    how long after the start the notifications are compared
 */
record Scenario(String name, String description, String config, List<Step> steps, Duration end) {

    /** One thing that happens at {@code at} after the start, to both sides. */
    sealed interface Step {
        Duration at();
    }

    record Fire(Duration at, String slo, String service, Severity severity, Map<String, String> labels) implements Step {
    }

    record Resolve(Duration at, String slo, Severity severity) implements Step {
    }

    /** @param matchers each {@code name="value"} */
    record Silence(Duration at, List<String> matchers, Duration lasting) implements Step {
    }

    static Scenario read(String resource) {
        try (InputStream in = Objects.requireNonNull(Scenario.class.getResourceAsStream("/differential/" + resource),
                resource)) {
            Map<String, Object> top = new Yaml().load(in);
            List<Step> steps = new ArrayList<>();
            for (Object item : (List<?>) top.get("steps")) {
                steps.add(step((Map<?, ?>) item));
            }
            return new Scenario(resource, (String) top.get("description"), (String) top.get("config"), steps,
                    Durations.parse((String) top.get("end")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Step step(Map<?, ?> item) {
        Duration at = Durations.parse((String) item.get("at"));
        if (item.get("fire") instanceof Map<?, ?> fire) {
            Map<String, String> labels = new TreeMap<>();
            if (fire.get("labels") instanceof Map<?, ?> extra) {
                extra.forEach((name, value) -> labels.put((String) name, (String) value));
            }
            return new Fire(at, (String) fire.get("slo"), (String) fire.get("service"), severity(fire), labels);
        }
        if (item.get("resolve") instanceof Map<?, ?> resolve) {
            return new Resolve(at, (String) resolve.get("slo"), severity(resolve));
        }
        if (item.get("silence") instanceof Map<?, ?> silence) {
            List<String> matchers = ((List<?>) silence.get("matchers")).stream().map(String.class::cast).toList();
            return new Silence(at, matchers, Durations.parse((String) silence.get("for")));
        }
        throw new IllegalArgumentException("a step is fire, resolve or silence, got " + item);
    }

    private static Severity severity(Map<?, ?> fields) {
        return Severity.valueOf(((String) fields.get("severity")).toUpperCase(Locale.ROOT));
    }

    @Override
    public String toString() {
        return name;
    }
}
