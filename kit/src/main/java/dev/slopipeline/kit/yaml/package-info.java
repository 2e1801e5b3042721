/**
 * YAML read with its source kept: every node knows its {@code file:line:col}, and readers report
 * problems in that form instead of throwing at the first one. The SLO language and the router config
 * both read their files through it.
 */
package dev.slopipeline.kit.yaml;
