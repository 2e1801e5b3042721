/**
 * Kafka plumbing both apps, the command line and the benchmarks share: creating the topics a client needs before it
 * starts, waiting on an admin call with a deadline of our own, and the id an instance keeps in its consumer groups
 * across restarts ({@link dev.slopipeline.kit.kafka.GroupInstanceId}). Each app used to carry its own copy, and the
 * copies differed exactly where it hurts: in what happens when two clients start at the same moment.
 * {@link dev.slopipeline.kit.kafka.TopicBootstrap} is the one place that answers it.
 */
package dev.slopipeline.kit.kafka;
