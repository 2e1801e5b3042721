/**
 * Silences, with Alertmanager's rules: created with caller-chosen UUIDs (so a request processed twice creates one
 * silence), checked before they are accepted, expired rather than deleted, listed active-pending-expired, kept
 * {@link dev.slopipeline.router.routing.silence.Silences#RETENTION} after they end, and written to JSON by
 * {@link dev.slopipeline.router.routing.silence.SilencesCodec} for the state store they will live in.
 */
package dev.slopipeline.router.routing.silence;
