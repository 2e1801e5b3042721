package dev.slopipeline.definitions.model;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Objects;

/** The period over which the objective must hold. */
public sealed interface SloWindow permits SloWindow.Rolling, SloWindow.Calendar {

    /**
     * The length used for burn-rate factors. A calendar month counts as 30 days so that its alert
     * thresholds match a 30-day rolling window's, whatever the month.
     */
    Duration nominalLength();

    record Rolling(Duration length) implements SloWindow {
        public Rolling {
            Objects.requireNonNull(length, "length");
        }

        @Override
        public Duration nominalLength() {
            return length;
        }
    }

    /** A window that resets at the start of each week (Monday) or month, in the given time zone. */
    record Calendar(CalendarPeriod period, ZoneId zone) implements SloWindow {
        public Calendar {
            Objects.requireNonNull(period, "period");
            Objects.requireNonNull(zone, "zone");
        }

        @Override
        public Duration nominalLength() {
            return period.nominalLength();
        }
    }

    enum CalendarPeriod {
        WEEK(Duration.ofDays(7)), MONTH(Duration.ofDays(30));

        private final Duration nominalLength;

        CalendarPeriod(Duration nominalLength) {
            this.nominalLength = nominalLength;
        }

        public Duration nominalLength() {
            return nominalLength;
        }
    }
}
