package dev.slopipeline.definitions.event;

import com.networknt.schema.InputFormat;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.util.List;

/** The published schemas as an outside tool would use them, with format assertions on. */
public final class JsonSchemas {

    private static final JsonSchemaFactory FACTORY =
            JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    // Draft 2020-12 makes "format" an annotation by default; the schemas rely on it for dates.
    private static final SchemaValidatorsConfig CONFIG =
            SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();

    public static final JsonSchema REQUEST = load("classpath:schema/request-event.schema.json");
    public static final JsonSchema HEALTH = load("classpath:schema/health-event.schema.json");
    public static final JsonSchema ALERT = load("classpath:schema/alert.schema.json");
    /** The draft 2020-12 meta-schema; the validator ships it, so nothing is fetched. */
    public static final JsonSchema META = load("https://json-schema.org/draft/2020-12/schema");

    private JsonSchemas() {
    }

    /** The validation errors of {@code json} against {@code schema}; empty when it validates. */
    public static List<String> errors(JsonSchema schema, String json) {
        return schema.validate(json, InputFormat.JSON).stream().map(ValidationMessage::getMessage).toList();
    }

    private static JsonSchema load(String location) {
        return FACTORY.getSchema(SchemaLocation.of(location), CONFIG);
    }
}
