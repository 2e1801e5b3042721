package dev.slopipeline.router.routing.inhibit;

import dev.slopipeline.definitions.alert.AlertLabels;
import dev.slopipeline.router.notification.SloFacts;
import dev.slopipeline.router.routing.matcher.MatchType;
import dev.slopipeline.router.routing.matcher.Matcher;
import dev.slopipeline.router.routing.matcher.Matchers;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The rule the router adds by itself: while an SLO pages, its ticket says nothing new, so a firing
 * {@code severity="page"} alert inhibits the {@code severity="ticket"} alert with the same {@code slo} label.
 *
 * <p>{@link #ON} by default. A config takes it over by writing a rule with the same source and target matchers
 * (for instance to compare more labels with {@code equal}); then only the config's rule applies. {@link #OFF}
 * leaves exactly the configured rules, for those who want tickets filed while paging.
 */
public enum DefaultInhibition {
    ON, OFF;

    public static final InhibitRule PAGE_INHIBITS_TICKET = new InhibitRule(
            Optional.of("slo-page-inhibits-ticket"),
            severity("page"),
            severity("ticket"),
            List.of(AlertLabels.SLO));

    /** The configured rules, followed by the built-in one when it is on and the config has no rule of its own for it. */
    public List<InhibitRule> applyTo(List<InhibitRule> configured) {
        List<InhibitRule> rules = new ArrayList<>(configured);
        boolean overridden = configured.stream().anyMatch(rule -> rule.source().equals(PAGE_INHIBITS_TICKET.source())
                && rule.target().equals(PAGE_INHIBITS_TICKET.target()));
        if (this == ON && !overridden) {
            rules.add(PAGE_INHIBITS_TICKET);
        }
        return List.copyOf(rules);
    }

    private static Matchers severity(String value) {
        return Matchers.of(List.of(Matcher.of(MatchType.EQUAL, AlertLabels.SEVERITY, value)));
    }
}
