package dev.slopipeline.logging;

import dev.slopipeline.kit.config.ConfigLayers;
import dev.slopipeline.kit.config.ConfigReader;
import dev.slopipeline.kit.config.Key;
import dev.slopipeline.kit.config.KeySet;
import dev.slopipeline.kit.config.LoggingKeys;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code SLO_PIPELINE_LOG_FORMAT} and {@code SLO_PIPELINE_LOG_LEVEL}, each from the environment or a system property
 * of the same name (which wins, as in logback), in any case. A value that is neither format nor level is a mistake
 * named with the variable and what it accepts; logging then goes on with the default rather than fall silent.
 */
public final class LoggingVariables {

    private static final LoggingVariables OF_THIS_PROCESS = read(System.getenv(), System.getProperties());
    private static final AtomicBoolean REPORTED = new AtomicBoolean();

    private final Map<Key<String>, String> values;
    private final List<String> problems;
    /** Each problem with the default that stands in. */
    private final List<String> reports;

    private LoggingVariables(Map<Key<String>, String> values, List<String> problems, List<String> reports) {
        this.values = Map.copyOf(values);
        this.problems = List.copyOf(problems);
        this.reports = List.copyOf(reports);
    }

    public static LoggingVariables ofThisProcess() {
        return OF_THIS_PROCESS;
    }

    static LoggingVariables read(Map<String, String> env, Properties systemProperties) {
        Map<Key<String>, String> values = new HashMap<>();
        List<String> problems = new ArrayList<>();
        List<String> reports = new ArrayList<>();
        for (Key<String> key : LoggingKeys.ALL) {
            String name = key.envName();
            ConfigLayers layers = new ConfigLayers();
            if (env.containsKey(name)) {
                layers.env(Map.of(name, env.get(name)));
            }
            if (systemProperties.containsKey(name)) {
                layers.flag(key.name(), systemProperties.getProperty(name).strip(), "-D" + name);
            }
            ConfigReader reader = new ConfigReader(layers, KeySet.of(List.of(key)));
            values.put(key, reader.get(key));
            problems.addAll(reader.problems());
            reader.problems().forEach(problem -> reports.add(problem + "; using " + key.defaultValue().orElseThrow()
                    + " instead"));
        }
        return new LoggingVariables(values, problems, reports);
    }

    /** {@code plain} or {@code json}, the names of the appenders in {@code logback.xml}. */
    public String format() {
        return values.get(LoggingKeys.FORMAT);
    }

    /** A level name as logback spells it: {@code WARN} for {@code warning}. */
    public String level() {
        return values.get(LoggingKeys.LEVEL);
    }

    /** One line per variable with a value that is neither format nor level. */
    public List<String> problems() {
        return problems;
    }

    /**
     * Says each problem on {@code err}, and which default stands in, once per process however many parts of the
     * logging setup ask.
     */
    void reportOnce(PrintStream err) {
        if (!reports.isEmpty() && REPORTED.compareAndSet(false, true)) {
            reports.forEach(report -> err.println("slo-pipeline: " + report));
        }
    }
}
