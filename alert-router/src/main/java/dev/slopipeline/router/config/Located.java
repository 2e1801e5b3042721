package dev.slopipeline.router.config;

import dev.slopipeline.kit.yaml.SourceLocation;

/** A value read from the config with where it was written, for checks made after reading. */
record Located<T>(T value, SourceLocation location) {
}
