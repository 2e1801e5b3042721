package dev.slopipeline.definitions.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The published schemas are themselves valid draft 2020-12 schemas, where outside tools look for them. */
class SchemaFilesTest {

    @ParameterizedTest
    @ValueSource(strings = {"request-event.schema.json", "health-event.schema.json", "alert.schema.json"})
    void isAValidDraft202012Schema(String name) throws IOException {
        String text;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("schema/" + name)) {
            assertThat(in).as("schema/" + name + " on the class path").isNotNull();
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(text).contains("\"$schema\": \"https://json-schema.org/draft/2020-12/schema\"");
        assertThat(JsonSchemas.errors(JsonSchemas.META, text)).isEmpty();
    }

    @Test
    void theMetaSchemaCatchesABrokenSchema() {
        assertThat(JsonSchemas.errors(JsonSchemas.META, "{\"type\": 5, \"required\": \"id\"}")).isNotEmpty();
    }
}
