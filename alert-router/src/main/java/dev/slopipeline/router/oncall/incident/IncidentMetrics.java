package dev.slopipeline.router.oncall.incident;

import dev.slopipeline.router.oncall.escalation.TimelineEntry;
import dev.slopipeline.router.oncall.escalation.WorkingHours;
import dev.slopipeline.router.oncall.schedule.OnCallConfig;
import dev.slopipeline.router.oncall.schedule.User;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.config.MeterFilter;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.function.Supplier;

/**
 * Page-load meters, as incidents happen:
 * <ul>
 *   <li>{@code slo.router.incidents.opened}: incidents opened;</li>
 *   <li>{@code slo.router.pages} tagged {@code user}, {@code schedule} (the schedule that had them on call, or
 *       {@code none}) and {@code out_of_hours} (true/false, in the person's own zone, working hours Monday to Friday
 *       09:00 to 18:00): pages, each page of a person once whatever the number of their contact methods;</li>
 *   <li>{@code slo.router.incidents.time_to_ack} tagged {@code user}: from the first page of the acknowledger in the
 *       incident to the acknowledgement, with a histogram (p50, p90).</li>
 * </ul>
 * Figures for any period come from the timelines: {@code GET /api/v1/oncall/report}. A person's name is personal
 * data on an endpoint scrapers read without a token, so the app drops the {@code user} tag unless told to keep it
 * ({@link #withoutPersonLabels()}): each meter then counts everyone together.
 */
public final class IncidentMetrics {

    /** The tag that names a person. */
    public static final String PERSON_TAG = "user";

    private final MeterRegistry registry;
    private final Supplier<OnCallConfig> onCall;

    /** @param onCall the users as they are now (their time zones decide what is out of hours) */
    public IncidentMetrics(MeterRegistry registry, Supplier<OnCallConfig> onCall) {
        this.registry = registry;
        this.onCall = onCall;
    }

    /** For a registry: the meters above without their person tag, the counts of everyone summed. */
    public static MeterFilter withoutPersonLabels() {
        return MeterFilter.ignoreTags(PERSON_TAG);
    }

    void opened() {
        Counter.builder("slo.router.incidents.opened").description("incidents opened").register(registry).increment();
    }

    /** One page of one person, whatever the number of their contact methods. */
    void paged(TimelineEntry.Notified page) {
        if (!page.reason().isPage()) {
            return;
        }
        ZoneId zone = onCall.get().user(page.user()).map(User::timeZone).orElse(ZoneOffset.UTC);
        boolean outOfHours = !WorkingHours.DEFAULT.contains(page.at(), zone);
        Counter.builder("slo.router.pages").description("pages sent to people")
                .tag(PERSON_TAG, page.user())
                .tag("schedule", page.schedule().orElse("none"))
                .tag("out_of_hours", Boolean.toString(outOfHours))
                .register(registry).increment();
    }

    void acknowledged(Incident incident, TimelineEntry.Acknowledged ack) {
        incident.timeline().stream()
                .filter(TimelineEntry.Notified.class::isInstance)
                .map(TimelineEntry.Notified.class::cast)
                .filter(page -> page.user().equals(ack.by()) && page.reason().isPage())
                .reduce((first, later) -> first)
                .ifPresent(firstPage -> Timer.builder("slo.router.incidents.time_to_ack")
                        .description("time from a person's first page in an incident to their acknowledgement")
                        .tag(PERSON_TAG, ack.by())
                        .publishPercentileHistogram()
                        .publishPercentiles(0.5, 0.9)
                        .register(registry)
                        .record(Duration.between(firstPage.at(), ack.at())));
    }
}
