package dev.slopipeline.demo;

import dev.slopipeline.definitions.alert.AlertLabels;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A webhook notification as an on-call engineer wants to read it in a terminal: what is broken for users, how fast
 * the budget burns, how much is left, where it comes from, the runbook, and where to acknowledge.
 */
public final class NotificationPrinter {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);
    private static final DateTimeFormatter EVENT_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final String INDENT = "           ";

    private final Clock clock;

    public NotificationPrinter(Clock clock) {
        this.clock = clock;
    }

    /** The lines for one notification, the first one saying what happened. */
    public List<String> format(WebhookSink.Notification notification) {
        List<String> lines = new ArrayList<>();
        String severity = Optional.ofNullable(notification.label(AlertLabels.SEVERITY)).orElse("alert").toUpperCase(Locale.ROOT);
        String state = notification.isFiring() ? "FIRING" : "RESOLVED";
        String summary = Optional.ofNullable(notification.annotation(AlertLabels.SUMMARY))
                .orElse(notification.label(AlertLabels.SLO) + " on " + notification.label(AlertLabels.SERVICE));
        lines.add("[" + LocalTime.now(clock).truncatedTo(ChronoUnit.SECONDS).format(CLOCK) + "] " + severity + " " + state
                + "  " + summary);
        List<String> facts = new ArrayList<>();
        Optional.ofNullable(notification.annotation(AlertLabels.BURN_RATE)).ifPresent(burn -> facts.add("burn rate " + burn + "x"));
        Optional.ofNullable(notification.annotation(AlertLabels.PAIRS)).ifPresent(pairs -> facts.add("(" + pairs + ")"));
        Optional.ofNullable(notification.annotation(AlertLabels.BUDGET_REMAINING)).flatMap(NotificationPrinter::percent)
                .ifPresent(left -> facts.add("budget left " + left));
        if (!facts.isEmpty()) {
            lines.add(INDENT + String.join("  ", facts));
        }
        if (!notification.alerts().isEmpty()) {
            WebhookSink.Alert first = notification.alerts().get(0);
            String since = eventTime(first.startsAt()).map(start -> "since " + EVENT_TIME.format(start)).orElse("");
            String until = notification.isFiring() ? "" : eventTime(first.endsAt())
                    .flatMap(end -> eventTime(first.startsAt()).map(start -> ", lasted " + minutes(Duration.between(start, end))))
                    .orElse("");
            if (!since.isEmpty()) {
                lines.add(INDENT + since + until + " (event time)");
            }
        }
        Optional.ofNullable(notification.label("oncall_user")).ifPresent(user -> lines.add(INDENT + "on call: " + user
                + " (" + Optional.ofNullable(notification.annotation("oncall_reason")).orElse("paged")
                + ", incident " + notification.label("incident") + ")"));
        Optional.ofNullable(notification.annotation(AlertLabels.CONTRIBUTORS)).ifPresent(c -> lines.add(INDENT + "failing: " + c));
        Optional.ofNullable(notification.annotation(AlertLabels.CONTEXT)).ifPresent(c -> lines.add(INDENT + "health: " + c));
        Optional.ofNullable(notification.annotation(AlertLabels.RUNBOOK_URL)).ifPresent(r -> lines.add(INDENT + "runbook: " + r));
        Optional.ofNullable(notification.ackUrl()).ifPresent(ack -> lines.add(INDENT + "acknowledge: " + ack));
        String group = notification.groupLabels().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(", "));
        lines.add(INDENT + "to " + notification.receiver() + " (" + notification.alerts().size() + " alert"
                + (notification.alerts().size() == 1 ? "" : "s") + (group.isEmpty() ? "" : ", group " + group) + ")");
        return lines;
    }

    /** "0.83" as "83 %", "-0.5" as "-50 % (exhausted)". */
    private static Optional<String> percent(String fraction) {
        try {
            BigDecimal value = new BigDecimal(fraction).movePointRight(2).stripTrailingZeros();
            String text = value.scale() > 1 ? value.setScale(1, java.math.RoundingMode.HALF_UP).toPlainString() : value.toPlainString();
            return Optional.of(text + " %" + (value.signum() <= 0 ? " (exhausted)" : ""));
        } catch (NumberFormatException e) {
            return Optional.of(fraction);
        }
    }

    private static Optional<Instant> eventTime(String text) {
        try {
            Instant instant = Instant.parse(text);
            return instant.getEpochSecond() <= 0 ? Optional.empty() : Optional.of(instant);
        } catch (DateTimeParseException | NullPointerException e) {
            return Optional.empty();
        }
    }

    private static String minutes(Duration duration) {
        long minutes = duration.toMinutes();
        return minutes < 120 ? minutes + " min" : (minutes / 60) + " h " + (minutes % 60) + " min";
    }
}
