package dev.slopipeline.definitions.model;

/** How the error budget is counted. */
public sealed interface Budgeting permits Budgeting.Occurrences, Budgeting.Timeslices {

    /** Every event counts: the SLI is good events over all events. */
    record Occurrences() implements Budgeting {
    }

    /**
     * Minutes count: a minute is good when its good-event ratio is at least {@code sliceTarget}
     * (a fraction, e.g. 0.95); the SLI is good minutes over minutes with traffic.
     */
    record Timeslices(double sliceTarget) implements Budgeting {
        public Timeslices {
            if (!(sliceTarget > 0 && sliceTarget <= 1)) {
                throw new IllegalArgumentException("sliceTarget must be in (0, 1], got " + sliceTarget);
            }
        }
    }
}
