/**
 * Inhibition: while a firing alert matches a rule's source side, alerts matching its target side with the same
 * {@code equal} labels are not notified ({@link dev.slopipeline.router.routing.inhibit.Inhibitor}, Alertmanager's
 * semantics including its guard against alerts inhibiting themselves).
 *
 * <p>{@link dev.slopipeline.router.routing.inhibit.DefaultInhibition} adds one rule of the router's own, on by default: a
 * firing page hides the ticket of the same SLO. Pass {@code DefaultInhibition.OFF} when building the pipeline to
 * leave only the configured rules; a configured rule with the same matchers replaces it.
 */
package dev.slopipeline.router.routing.inhibit;
