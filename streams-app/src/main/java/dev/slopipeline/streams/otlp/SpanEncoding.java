package dev.slopipeline.streams.otlp;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * How the records of the spans topic are encoded: the two encodings of the OpenTelemetry Collector's Kafka
 * exporter, or either, told apart record by record.
 */
public enum SpanEncoding {
    /** JSON when the record starts with {@code {} (after optional whitespace), protobuf otherwise. */
    AUTO,
    /** {@code otlp_proto}, the exporter's default: an {@code ExportTraceServiceRequest} in protobuf. */
    OTLP_PROTO,
    /** {@code otlp_json}: the same message in OTLP's JSON mapping. */
    OTLP_JSON;

    /** As in the config and the Collector's {@code encoding}: {@code auto}, {@code otlp_proto}, {@code otlp_json}. */
    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The encoding of a config value, exactly as {@link #configName()} writes it. */
    public static Optional<SpanEncoding> ofConfigName(String name) {
        return Arrays.stream(values()).filter(encoding -> encoding.configName().equals(name)).findFirst();
    }

    /** What a record is in, for this setting: a pinned encoding, or the one its first byte shows. */
    SpanEncoding of(byte[] record) {
        if (this != AUTO) {
            return this;
        }
        return looksLikeJson(record) ? OTLP_JSON : OTLP_PROTO;
    }

    /**
     * Whether the first byte other than JSON whitespace is {@code {}. A protobuf export request cannot start so:
     * {@code {} would be field 15 as a group, which the message does not have.
     */
    static boolean looksLikeJson(byte[] record) {
        for (byte b : record) {
            if (b != ' ' && b != '\t' && b != '\n' && b != '\r') {
                return b == '{';
            }
        }
        return false;
    }
}
