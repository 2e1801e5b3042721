package dev.slopipeline.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

class DurationOptionTest {

    @ParameterizedTest
    @ValueSource(strings = {"-d", "--duration"})
    void silenceDurationTakesTheOneSyntaxShortAndLong(String option) {
        SilenceCommand.Add add = new SilenceCommand.Add();
        new CommandLine(add).parseArgs(option, "5m", "--author", "alice", "--comment", "failover", "team=\"pay\"");

        assertThat(add.until.duration).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void demoDurationTakesTheOneSyntax() {
        DemoCommand demo = new DemoCommand();
        new CommandLine(demo).parseArgs("--duration", "5m");

        assertThat(demo.duration).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void everyDurationOptionTakesTheSameSyntaxThroughTheWholeCommandLine() {
        CommandLine slo = new CommandLine(new SloCommand());

        CommandLine.ParseResult demo = slo.parseArgs("demo", "--duration", "1h30m");
        assertThat(demo.subcommand().matchedOptionValue("--duration", Duration.ZERO)).isEqualTo(Duration.ofMinutes(90));
        CommandLine.ParseResult apply = new CommandLine(new SloCommand()).parseArgs("apply", "--timeout", "30s", "x.yml");
        assertThat(apply.subcommand().matchedOptionValue("--timeout", Duration.ZERO)).isEqualTo(Duration.ofSeconds(30));
        CommandLine.ParseResult run = new CommandLine(new SloCommand()).parseArgs("run", "--ready-timeout", "90s");
        assertThat(run.subcommand().matchedOptionValue("--ready-timeout", Duration.ZERO)).isEqualTo(Duration.ofSeconds(90));
        CommandLine.ParseResult silence = new CommandLine(new SloCommand())
                .parseArgs("silence", "add", "-d", "2h", "--author", "a", "--comment", "c", "x=\"y\"");
        assertThat(silence.subcommand().subcommand().matchedOptionValue("-d", Duration.ZERO)).isEqualTo(Duration.ofHours(2));
    }

    @Test
    void defaultsAreWrittenInTheOneSyntax() {
        ApplyCommand apply = new ApplyCommand();
        new CommandLine(apply).parseArgs("x.yml");

        assertThat(apply.timeout).isEqualTo(Duration.ofSeconds(15));
    }

    @Test
    void iso8601IsStillRead() {
        DemoCommand demo = new DemoCommand();
        new CommandLine(demo).parseArgs("--duration", "PT5M");

        assertThat(demo.duration).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void aWrongDurationSaysWhatWouldBeRight() {
        assertThatThrownBy(() -> new CommandLine(new DemoCommand()).parseArgs("--duration", "5"))
                .isInstanceOf(CommandLine.ParameterException.class)
                .hasMessageContaining("--duration")
                .hasMessageContaining("a number needs a unit, e.g. 5s or 5m");
    }
}
