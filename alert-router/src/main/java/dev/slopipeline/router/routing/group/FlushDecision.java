package dev.slopipeline.router.routing.group;

import dev.slopipeline.router.notification.Fingerprint;
import dev.slopipeline.router.notification.LabelledAlert;
import java.util.List;
import java.util.SortedSet;

/** What one flush decided for its receiver. */
public sealed interface FlushDecision permits FlushDecision.Quiet, FlushDecision.Notify {

    /** Nothing new: no notification, and the log stays as it is. */
    record Quiet() implements FlushDecision {
    }

    /**
     * The receiver is told: the log records {@code firing} and {@code resolved}, and a notification carries
     * {@code alerts}.
     *
     * @param alerts what is sent, in notification order; resolved alerts are left out for a receiver that does not
     *               want them, which leaves nothing to send when only resolved alerts remain (the log is still
     *               written, so the resolution is not announced later)
     */
    record Notify(SortedSet<Fingerprint> firing, SortedSet<Fingerprint> resolved, List<LabelledAlert> alerts)
            implements FlushDecision {

        public Notify {
            firing = LogEntry.sortedCopy(firing);
            resolved = LogEntry.sortedCopy(resolved);
            alerts = List.copyOf(alerts);
        }
    }
}
