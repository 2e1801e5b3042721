package dev.slopipeline.logging;

import ch.qos.logback.core.PropertyDefinerBase;

/**
 * A variable of {@code logback.xml} from {@link LoggingVariables}:
 * {@code <define name="SLO_LOG_LEVEL" class="..."><setting>level</setting></define>}.
 */
public final class LoggingVariableDefiner extends PropertyDefinerBase {

    private String setting;

    /** {@code format} or {@code level}; logback sets it from the nested element. */
    public void setSetting(String setting) {
        this.setting = setting;
    }

    @Override
    public String getPropertyValue() {
        LoggingVariables variables = LoggingVariables.ofThisProcess();
        variables.reportOnce(System.err);
        return switch (String.valueOf(setting)) {
            case "format" -> variables.format();
            case "level" -> variables.level();
            default -> throw new IllegalStateException("logback.xml asks for the logging setting " + setting
                    + "; there are format and level");
        };
    }
}
