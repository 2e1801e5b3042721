package dev.slopipeline.streams.window;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The SLO window's sum.
 *
 * @param from start of the oldest minute covered: the rolling window's aligned old edge, or the calendar period's start
 * @param length the rolling window's length, or the whole calendar period's (a month with a DST change is an hour off)
 * @param resetsAt the end of the calendar period; empty for a rolling window
 */
public record BudgetWindowSum(Tally tally, Instant from, Duration length, Optional<Instant> resetsAt) {
}
