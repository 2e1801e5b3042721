/**
 * Regular expressions that people write into SLOs, router configs and silences: Go's RE2 syntax, as
 * Prometheus and Alertmanager read it, matched by RE2/J in time linear in the text.
 */
package dev.slopipeline.kit.regex;
