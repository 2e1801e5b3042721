/**
 * The one way an app of slo-pipeline is configured: typed {@link dev.slopipeline.kit.config.Key keys}, each with
 * its default and description, read from {@link dev.slopipeline.kit.config.ConfigLayers layers} (a file, then the
 * {@code SLO_PIPELINE_*} environment, then flags or code; the later wins) by a
 * {@link dev.slopipeline.kit.config.ConfigReader}, which collects every mistake with the layer it came from and
 * reports them all at once.
 *
 * <p>A key is {@code http.port} in a file and {@code SLO_PIPELINE_HTTP_PORT} in the environment. Kafka client
 * settings pass through under {@code kafka.} ({@link dev.slopipeline.kit.config.KafkaSettings}). Secret values are
 * masked in every listing and every message ({@link dev.slopipeline.kit.config.KeySet#printable}).
 */
package dev.slopipeline.kit.config;
