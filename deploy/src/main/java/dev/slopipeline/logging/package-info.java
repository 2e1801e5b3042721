/**
 * The two logging variables, {@code SLO_PIPELINE_LOG_FORMAT} and {@code SLO_PIPELINE_LOG_LEVEL}, read once for
 * {@code logback.xml} and for {@code bin/slo}, in any case, with a loud error for a value that is neither.
 */
package dev.slopipeline.logging;
