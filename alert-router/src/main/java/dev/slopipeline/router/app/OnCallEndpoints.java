package dev.slopipeline.router.app;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slopipeline.kit.http.Json;
import dev.slopipeline.kit.http.Reply;
import dev.slopipeline.kit.http.Request;
import dev.slopipeline.router.oncall.escalation.Load;
import dev.slopipeline.router.oncall.escalation.PageLoad;
import dev.slopipeline.router.oncall.escalation.PageLoadReport;
import dev.slopipeline.router.oncall.escalation.TimelineEntry;
import dev.slopipeline.router.oncall.escalation.WorkingHours;
import dev.slopipeline.router.oncall.incident.IncidentView;
import dev.slopipeline.router.oncall.schedule.OnCall;
import dev.slopipeline.router.oncall.schedule.OnCallConfig;
import dev.slopipeline.router.oncall.schedule.Shift;
import dev.slopipeline.router.oncall.schedule.User;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.apache.kafka.streams.errors.InvalidStateStoreException;

/**
 * {@code GET /api/v1/oncall?at=<ISO-8601>}: who each schedule has on call at the instant (default: now) and who
 * comes next; {@code GET /api/v1/oncall/report?from=&to=}: page load per person and per schedule over the incident
 * timelines of the period (default: the last 7 days).
 */
final class OnCallEndpoints {

    static final String PATH = "/api/v1/oncall";
    static final String REPORT_PATH = PATH + "/report";
    static final Duration DEFAULT_REPORT_PERIOD = Duration.ofDays(7);

    private final Supplier<OnCallConfig> onCall;
    private final Supplier<IncidentView> incidents;
    private final Clock clock;

    OnCallEndpoints(Supplier<OnCallConfig> onCall, Supplier<IncidentView> incidents, Clock clock) {
        this.onCall = onCall;
        this.incidents = incidents;
        this.clock = clock;
    }

    Reply now(Request request) {
        Instant at;
        try {
            at = instant(request, "at").orElse(clock.instant());
        } catch (DateTimeParseException e) {
            return Reply.error(400, e.getMessage());
        }
        ObjectNode body = Json.object().put("at", at.toString());
        ArrayNode schedules = body.putArray("schedules");
        for (OnCall.ScheduleOnCall schedule : OnCall.all(onCall.get(), at)) {
            ObjectNode item = schedules.addObject().put("name", schedule.now().schedule());
            item.set("now", shift(Optional.of(schedule.now())));
            item.set("next", shift(schedule.next()));
        }
        return Reply.json(200, body);
    }

    Reply report(Request request) {
        Instant from;
        Instant to;
        try {
            to = instant(request, "to").orElse(clock.instant());
            from = instant(request, "from").orElse(to.minus(DEFAULT_REPORT_PERIOD));
        } catch (DateTimeParseException e) {
            return Reply.error(400, e.getMessage());
        }
        if (!from.isBefore(to)) {
            return Reply.error(400, "from (" + from + ") must be before to (" + to + ")");
        }
        List<TimelineEntry> entries;
        try {
            entries = incidents.get().all().stream()
                    .flatMap(incident -> incident.timeline().stream())
                    .filter(entry -> !entry.at().isBefore(from) && entry.at().isBefore(to))
                    .toList();
        } catch (InvalidStateStoreException e) {
            return Reply.error(503, "the incidents are not readable yet: " + e.getMessage()).withHeader("Retry-After", "1");
        }
        Map<String, ZoneId> zones = onCall.get().users().values().stream().collect(Collectors.toMap(User::name, User::timeZone));
        PageLoadReport report = PageLoad.of(entries, zones, WorkingHours.DEFAULT);
        ObjectNode body = Json.object().put("from", from.toString()).put("to", to.toString());
        loads(body.putArray("people"), report.byUser());
        loads(body.putArray("schedules"), report.bySchedule());
        return Reply.json(200, body);
    }

    private static void loads(ArrayNode items, Map<String, Load> loads) {
        loads.forEach((name, load) -> {
            ObjectNode item = items.addObject().put("name", name)
                    .put("pages", load.pages())
                    .put("outOfHoursPages", load.outOfHoursPages())
                    .put("acks", load.timesToAcknowledge().size());
            item.put("meanTimeToAckSeconds", mean(load.timesToAcknowledge()).map(OnCallEndpoints::seconds).orElse(null));
            item.put("p90TimeToAckSeconds", load.timeToAcknowledge(90).map(OnCallEndpoints::seconds).orElse(null));
        });
    }

    private static Optional<Duration> mean(List<Duration> durations) {
        if (durations.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(durations.stream().reduce(Duration.ZERO, Duration::plus).dividedBy(durations.size()));
    }

    private static Double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }

    private static ObjectNode shift(Optional<Shift> shift) {
        if (shift.isEmpty() || shift.get().user().isEmpty()) {
            return null;
        }
        ObjectNode json = Json.object().put("user", shift.get().user().get());
        json.put("from", shift.get().since().map(Instant::toString).orElse(null));
        json.put("until", shift.get().until().map(Instant::toString).orElse(null));
        return json;
    }

    private static Optional<Instant> instant(Request request, String name) {
        Optional<String> text = request.parameter(name).filter(value -> !value.isBlank());
        try {
            return text.map(Instant::parse);
        } catch (DateTimeParseException e) {
            throw new DateTimeParseException(name + " must be an ISO-8601 instant such as 2026-11-23T10:00:00Z, got \""
                    + text.orElseThrow() + "\"", e.getParsedString(), e.getErrorIndex());
        }
    }
}
