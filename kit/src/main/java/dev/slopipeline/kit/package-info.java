/**
 * What every module needs and none owns, once. The kit sits below every other module and depends on
 * as little as it can: Jackson where JSON is read, SnakeYAML where YAML is read, Jetty's core where HTTP is
 * served.
 */
package dev.slopipeline.kit;
