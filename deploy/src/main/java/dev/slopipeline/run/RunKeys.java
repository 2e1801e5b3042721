package dev.slopipeline.run;

import static dev.slopipeline.kit.config.ValueTypes.integer;
import static dev.slopipeline.kit.config.ValueTypes.path;

import dev.slopipeline.kit.config.Key;
import dev.slopipeline.kit.config.KeySet;
import dev.slopipeline.kit.config.ValueType;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;

/**
 * The settings that are {@code slo run}'s own, beside the streams app's
 * ({@link dev.slopipeline.streams.app.StreamsAppKeys}) and the router's
 * ({@link dev.slopipeline.router.app.RouterAppKeys}): where data lives, the embedded broker, and the web UI. Same
 * file, same {@code SLO_PIPELINE_*} environment.
 */
public final class RunKeys {

    /** The value of {@code ui.port} that turns the web UI off. */
    public static final String UI_OFF = "off";

    public static final Key<Path> DATA_DIR = Key.of("data.dir", path(), "data",
            "embedded broker data, streams and router state; kept across restarts");
    public static final Key<Integer> BROKER_PORT = Key.of("broker.port", integer(0, 65_535), "9092",
            "client port of the embedded broker (only without bootstrap.servers)");
    public static final Key<Integer> BROKER_CONTROLLER_PORT = Key.of("broker.controller.port", integer(0, 65_535), "0",
            "KRaft controller port of the embedded broker; 0 picks a free one");
    public static final Key<OptionalInt> UI_PORT = Key.of("ui.port", portOrOff(), "8090",
            "the web UI (SLOs, incidents, on-call, silences); 0 picks a free port, off: no web UI");

    public static final Key<List<String>> UI_HOST = Key.of("ui.host", hostNames(), null,
            "more names the web UI answers for, comma-separated (a DNS alias, say); it always answers for localhost, "
                    + "IP addresses and this machine's name");

    public static final KeySet ALL = KeySet.of(List.of(DATA_DIR, BROKER_PORT, BROKER_CONTROLLER_PORT, UI_PORT, UI_HOST));

    private RunKeys() {
    }

    /** Host names, comma-separated (a YAML list is joined so); each without port or path. */
    private static ValueType<List<String>> hostNames() {
        return new ValueType<>() {
            @Override
            public List<String> parse(String text) {
                List<String> names = Arrays.stream(text.split(",")).map(String::strip).toList();
                for (String name : names) {
                    if (name.isEmpty() || name.contains(":") || name.contains("/") || name.contains(" ")) {
                        throw new IllegalArgumentException("must be host names without port or path, separated by "
                                + "commas, such as slo.example.com,slo.internal");
                    }
                }
                return names;
            }

            @Override
            public String format(List<String> value) {
                return String.join(",", value);
            }
        };
    }

    private static ValueType<OptionalInt> portOrOff() {
        ValueType<Integer> port = integer(0, 65_535);
        return new ValueType<>() {
            @Override
            public OptionalInt parse(String text) {
                if (text.equals(UI_OFF)) {
                    return OptionalInt.empty();
                }
                try {
                    return OptionalInt.of(port.parse(text));
                } catch (IllegalArgumentException notAPort) {
                    throw new IllegalArgumentException(notAPort.getMessage() + " or " + UI_OFF, notAPort);
                }
            }

            @Override
            public String format(OptionalInt value) {
                return value.isPresent() ? String.valueOf(value.getAsInt()) : UI_OFF;
            }
        };
    }
}
