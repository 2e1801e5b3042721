package dev.slopipeline.kit.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

/** A JSON tree built in memory, written as UTF-8 bytes, as codecs put it in a record. */
public final class JsonBytes {

    private JsonBytes() {
    }

    public static byte[] of(JsonNode tree) {
        try {
            return JsonFields.MAPPER.writeValueAsBytes(tree);
        } catch (JsonProcessingException e) {
            // Only a failing output stream or an unserialisable POJO can cause it, and a tree in memory has neither.
            throw new IllegalStateException("a JSON tree built in memory could not be written", e);
        }
    }
}
