package dev.slopipeline.streams.window;

/**
 * What a bucket or a window holds: good and bad units, and the events behind them.
 *
 * <p>A unit is an event for occurrences budgeting and a minute with traffic for timeslices budgeting
 * (see {@link SliUnit}); {@code events} counts events in both cases, so the low-traffic guard of an
 * alert pair can always be applied to events.
 */
public record Tally(long good, long bad, long events) {

    public static final Tally ZERO = new Tally(0, 0, 0);

    /** Good plus bad units: events, or minutes with traffic. */
    public long total() {
        return good + bad;
    }

    /** Bad units over all units; 0 when there are none, so an empty window never looks broken. */
    public double errorRatio() {
        long total = total();
        return total == 0 ? 0.0 : (double) bad / total;
    }

    public boolean isZero() {
        return good == 0 && bad == 0 && events == 0;
    }

    public Tally plus(Tally other) {
        return new Tally(good + other.good, bad + other.bad, events + other.events);
    }

    public Tally minus(Tally other) {
        return new Tally(good - other.good, bad - other.bad, events - other.events);
    }
}
