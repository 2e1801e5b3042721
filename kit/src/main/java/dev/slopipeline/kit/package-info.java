/**
 * What every module needs and none owns, once. The kit sits below every other module and depends on
 * as little as it can: Jackson where JSON is read, SnakeYAML where YAML is read, Kafka's client library
 * where Kafka client settings are told apart.
 */
package dev.slopipeline.kit;
