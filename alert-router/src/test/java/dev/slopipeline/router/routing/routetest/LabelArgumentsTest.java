package dev.slopipeline.router.routing.routetest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LabelArgumentsTest {

    @Test
    void shouldReadNameValuePairsQuotedOrNot() {
        LabelArguments parsed = LabelArguments.parse(List.of(
                "severity=page", "summary=\"disk full\"", "\"service name\"=checkout", "team = payments"));

        assertThat(parsed.labels()).isEqualTo(Map.of(
                "severity", "page", "summary", "disk full", "service name", "checkout", "team", "payments"));
        assertThat(parsed.warnings()).isEmpty();
    }

    @Test
    void shouldLetALaterArgumentForTheSameLabelWin() {
        assertThat(LabelArguments.parse(List.of("env=dev", "env=prod")).labels()).isEqualTo(Map.of("env", "prod"));
    }

    @Test
    void shouldAcceptClassicSpellingsWithAWarningLikeAmtool() {
        LabelArguments parsed = LabelArguments.parse(List.of("env=", "summary=disk full"));

        assertThat(parsed.labels()).isEqualTo(Map.of("env", "", "summary", "disk full"));
        assertThat(parsed.warnings()).containsExactly(
                "matcher 'env=' uses the classic syntax that Alertmanager is phasing out; it is read as env=\"\", write it"
                        + " that way (double-quote values and regular expressions)",
                "matcher 'summary=disk full' uses the classic syntax that Alertmanager is phasing out; it is read as"
                        + " summary=\"disk full\", write it that way (double-quote values and regular expressions)");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "severity!=page | the label 'severity!=page' uses \"!=\": a test alert has label values, not conditions; write it as severity=<value>",
        "team=~pay.*    | the label 'team=~pay.*' uses \"=~\": a test alert has label values, not conditions; write it as team=<value>",
        "severity       | cannot read the label 'severity': character 9: expected an operator (=, !=, =~ or !~) after the label name \"severity\", got the end of the text; write labels as name=value",
        "{severity=page} | cannot read the label '{severity=page}': character 1: write a single matcher without braces; write labels as name=value",
        "'=page'        | cannot read the label '=page': character 1: expected a label name, got \"=\"; write labels as name=value",
    })
    void shouldExplainArgumentsThatAreNotNameValuePairs(String argument, String message) {
        assertThatThrownBy(() -> LabelArguments.parse(List.of(argument)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message);
    }
}
