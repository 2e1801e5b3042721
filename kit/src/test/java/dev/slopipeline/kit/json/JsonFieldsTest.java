package dev.slopipeline.kit.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsonFieldsTest {

    private static JsonFields parse(String json) {
        return JsonFields.parse(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void shouldReadTypedFields() {
        JsonFields in = parse("""
                {"name": "a", "n": 3, "x": 1.5, "whole": 4.0, "at": "2026-11-23T10:04:00Z",
                 "labels": {"k": "v"}, "items": [{"id": "i"}], "gone": null}""");

        assertThat(in.text("name")).isEqualTo("a");
        assertThat(in.count("n")).isEqualTo(3);
        assertThat(in.number("x")).isEqualTo(1.5);
        assertThat(in.wholeNumber("whole")).isEqualTo(4);
        assertThat(in.instant("at")).isEqualTo(Instant.parse("2026-11-23T10:04:00Z"));
        assertThat(in.strings("labels")).isEqualTo(Map.of("k", "v"));
        assertThat(in.objects("items", item -> item.text("id"))).containsExactly("i");
        assertThat(in.optionalText("gone")).isEmpty();
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
        "name   | {}                            | field \"name\" is required",
        "name   | {\"name\": 5}                 | field \"name\": expected a string, got number 5",
        "items  | {\"items\": [{\"at\": 5}]}    | field \"items[0].at\": expected an ISO-8601 date-time like \"2026-11-23T10:04:00Z\", got number 5",
        "items  | {\"items\": [\"x\"]}          | field \"items[0]\": expected an object, got string \"x\"",
        "labels | {\"labels\": {\"k\": true}}   | field \"labels.k\": expected a string, got true",
        "n      | {\"n\": -1}                   | field \"n\": expected a whole number from 0 up, got number -1",
        "level  | {\"level\": \"loud\"}         | field \"level\": expected one of \"low\", \"high\", got string \"loud\"",
    })
    void shouldSayWhatIsWrongAndWhere(String field, String json, String reason) {
        JsonFields in = parse(json);
        Function<JsonFields, Object> read = switch (field) {
            case "items" -> fields -> fields.objects("items", item -> item.instant("at"));
            case "labels" -> fields -> fields.strings("labels");
            case "n" -> fields -> fields.count("n");
            case "level" -> fields -> fields.oneOf("level", text -> text.equals("low") || text.equals("high") ? text : null,
                    "\"low\", \"high\"");
            default -> fields -> fields.text("name");
        };

        assertThatThrownBy(() -> read.apply(in)).isInstanceOf(JsonFields.Refused.class).hasMessage(reason);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "{\"a\": 1, \"a\": 2} | not JSON: Duplicate field 'a'",
        "{} {}              | trailing content after the JSON object",
        "[1]                | expected a JSON object, got an array",
    })
    void shouldRefuseWhatIsNotOneObject(String json, String reason) {
        assertThatThrownBy(() -> parse(json)).isInstanceOf(JsonFields.Refused.class).hasMessage(reason);
    }

    @Test
    void shouldSayWhereAReasonAboutAWholeObjectApplies() {
        JsonFields item = parse("{\"items\": [{}]}").objects("items", Function.identity()).get(0);

        assertThat(item.refuse("\"status\" must be \"firing\"")).hasMessage("\"items[0]\": \"status\" must be \"firing\"");
    }
}
