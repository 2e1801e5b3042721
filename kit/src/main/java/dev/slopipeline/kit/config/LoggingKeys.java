package dev.slopipeline.kit.config;

import java.util.List;

/**
 * The two settings the logging configuration reads, from the environment or a system property of the same name
 * ({@code SLO_PIPELINE_LOG_FORMAT}, {@code SLO_PIPELINE_LOG_LEVEL}); not settings of an app, so an app's reader
 * does not call them unknown.
 */
public final class LoggingKeys {

    public static final Choice FORMATS = Choice.anyCaseOf("plain", "json");
    /** The level names logback knows. */
    public static final Choice LEVELS = Choice.anyCaseOf("TRACE", "DEBUG", "INFO", "WARN", "ERROR", "OFF", "ALL")
            .withAlias("WARNING", "WARN");

    public static final Key<String> FORMAT = Key.of("log.format", FORMATS, "plain",
            "plain: one readable line per event; json: one JSON object per line");
    public static final Key<String> LEVEL = Key.of("log.level", LEVELS, "INFO",
            "the level of slo-pipeline's own loggers; Kafka's stay at WARN");

    public static final List<Key<String>> ALL = List.of(FORMAT, LEVEL);

    private LoggingKeys() {
    }
}
