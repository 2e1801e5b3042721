/**
 * The router's dead letters ({@link dev.slopipeline.router.deadletter.DeadLetterRecord}): refused input records with the
 * reason and their origin in headers, written by the topology's processors and the incident processor alike. A leaf:
 * it imports nothing of the router, so the incident processor does not reach up into the topology.
 */
package dev.slopipeline.router.deadletter;
