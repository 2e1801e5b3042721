package dev.slopipeline.streams.window;

import dev.slopipeline.definitions.model.Budgeting;

/** What the windows of an SLO count: events, or minutes judged by their events. */
public sealed interface SliUnit permits SliUnit.Events, SliUnit.Minutes {

    /** How one minute's good and bad events count in the windows. */
    Tally contribution(long goodEvents, long badEvents);

    static SliUnit of(Budgeting budgeting) {
        if (budgeting instanceof Budgeting.Timeslices timeslices) {
            return new Minutes(timeslices.sliceTarget());
        }
        return new Events();
    }

    /** Occurrences budgeting: every event is a unit. */
    record Events() implements SliUnit {
        @Override
        public Tally contribution(long goodEvents, long badEvents) {
            return new Tally(goodEvents, badEvents, goodEvents + badEvents);
        }
    }

    /**
     * Timeslices budgeting: a minute with traffic is one good unit when its good-event ratio reaches
     * {@code sliceTarget}, else one bad unit; a minute without traffic counts for nothing.
     */
    record Minutes(double sliceTarget) implements SliUnit {
        public Minutes {
            if (!(sliceTarget > 0 && sliceTarget <= 1)) {
                throw new IllegalArgumentException("sliceTarget must be in (0, 1], got " + sliceTarget);
            }
        }

        @Override
        public Tally contribution(long goodEvents, long badEvents) {
            long events = goodEvents + badEvents;
            if (events == 0) {
                return Tally.ZERO;
            }
            boolean good = (double) goodEvents / events >= sliceTarget;
            return good ? new Tally(1, 0, events) : new Tally(0, 1, events);
        }
    }
}
