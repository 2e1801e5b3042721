package dev.slopipeline.kit.yaml;

/** A value read from a file with where it was written, for checks made after reading. */
public record Located<T>(T value, SourceLocation location) {
}
