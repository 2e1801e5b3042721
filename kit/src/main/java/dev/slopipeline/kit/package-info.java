/**
 * What every module needs and none owns, once. The kit sits below every other module and depends on
 * as little as it can: no Kafka, and Jackson only where JSON is read.
 */
package dev.slopipeline.kit;
