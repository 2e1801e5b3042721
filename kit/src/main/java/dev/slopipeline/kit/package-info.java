/**
 * What every module needs and none owns, once. The kit sits below every other module and depends on
 * as little as it can: Jackson where JSON is read, SnakeYAML where YAML is read, RE2/J where a
 * user-written regular expression is matched, the Kafka client where topics are created, admin calls
 * awaited and Kafka client settings told apart, Jetty's core where HTTP is served, Micrometer's Prometheus
 * registry where an app serves its meters.
 */
package dev.slopipeline.kit;
