package dev.slopipeline.definitions.yaml;

import dev.slopipeline.kit.yaml.SourceLocation;

import java.util.Map;

/**
 * A definition as read from a file, with where it and its fields were written, so that checks
 * across files (unknown service, duplicate names) can point at the right line.
 *
 * @param fields locations by dotted path, e.g. {@code metadata.name}, {@code spec.service}
 */
public record Declared<T>(T definition, SourceLocation location, Map<String, SourceLocation> fields) {

    public Declared {
        fields = Map.copyOf(fields);
    }

    /** Where a field was written, or where the definition starts if the field was not written. */
    public SourceLocation at(String field) {
        return fields.getOrDefault(field, location);
    }
}
