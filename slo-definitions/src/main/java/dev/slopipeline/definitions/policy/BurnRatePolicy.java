package dev.slopipeline.definitions.policy;

import dev.slopipeline.definitions.model.PairOverride;
import dev.slopipeline.definitions.model.Severity;
import dev.slopipeline.definitions.model.SloDefinition;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The multi-window, multi-burn-rate alert pairs of the Google SRE Workbook ("Alerting on SLOs"),
 * scaled to the SLO's window and adjusted by the service tier and the SLO's own overrides.
 */
public final class BurnRatePolicy {

    /** A pair before it is applied to an SLO: windows and the share of budget it lets burn. */
    public record PairTemplate(String name, Severity severity, Duration longWindow, Duration shortWindow, double budgetPercent) {
        PairTemplate withTierSeverity(int tier) {
            return new PairTemplate(name, severityForTier(severity, tier), longWindow, shortWindow, budgetPercent);
        }
    }

    /** The workbook's four pairs; at 30 days their factors are 14.4, 6, 3 and 1. */
    public static final List<PairTemplate> DEFAULT_PAIRS = List.of(
            new PairTemplate("page-fast", Severity.PAGE, Duration.ofHours(1), Duration.ofMinutes(5), 2),
            new PairTemplate("page-slow", Severity.PAGE, Duration.ofHours(6), Duration.ofMinutes(30), 5),
            new PairTemplate("ticket-fast", Severity.TICKET, Duration.ofDays(1), Duration.ofHours(2), 10),
            new PairTemplate("ticket-slow", Severity.TICKET, Duration.ofDays(3), Duration.ofHours(6), 10));

    private BurnRatePolicy() {
    }

    /** Burn-rate factor for a pair: the rate at which the budget share is spent in exactly the long window. */
    public static double factor(double budgetPercent, Duration sloWindow, Duration longWindow) {
        return budgetPercent / 100.0 * sloWindow.toSeconds() / longWindow.toSeconds();
    }

    /**
     * The default severity of a pair for a service tier: tiers 1 and 2 page, tier 3 never pages (its
     * pages become tickets), tier 4 only notifies the owner.
     */
    public static Severity severityForTier(Severity pairSeverity, int tier) {
        return switch (tier) {
            case 1, 2 -> pairSeverity;
            case 3 -> Severity.TICKET;
            default -> Severity.NOTIFY;
        };
    }

    /**
     * The enabled pairs of an SLO, fastest first as declared. Overrides are assumed validated; a new
     * pair with a missing field is skipped here because the loader has already reported it.
     */
    public static List<AlertPair> pairsFor(SloDefinition slo, int serviceTier) {
        Map<String, PairTemplate> templates = new LinkedHashMap<>();
        for (PairTemplate template : DEFAULT_PAIRS) {
            templates.put(template.name(), template.withTierSeverity(serviceTier));
        }
        for (Map.Entry<String, PairOverride> entry : slo.alerting().pairs().entrySet()) {
            PairOverride override = entry.getValue();
            if (!override.enabled().orElse(true)) {
                templates.remove(entry.getKey());
                continue;
            }
            Optional<PairTemplate> base = Optional.ofNullable(templates.get(entry.getKey()));
            applyOverride(entry.getKey(), base, override).ifPresent(t -> templates.put(entry.getKey(), t));
        }
        Duration period = slo.window().nominalLength();
        List<AlertPair> pairs = new ArrayList<>();
        for (PairTemplate t : templates.values()) {
            double factor = factor(t.budgetPercent(), period, t.longWindow());
            pairs.add(new AlertPair(t.name(), t.severity(), t.longWindow(), t.shortWindow(), t.budgetPercent(),
                    factor, factor * slo.errorBudget(), slo.alerting().minEvents()));
        }
        return List.copyOf(pairs);
    }

    private static Optional<PairTemplate> applyOverride(String name, Optional<PairTemplate> base, PairOverride o) {
        Optional<Severity> severity = o.severity().or(() -> base.map(PairTemplate::severity));
        Optional<Duration> longWindow = o.longWindow().or(() -> base.map(PairTemplate::longWindow));
        Optional<Duration> shortWindow = o.shortWindow().or(() -> base.map(PairTemplate::shortWindow));
        Optional<Double> share = o.budgetPercent().isPresent()
                ? Optional.of(o.budgetPercent().getAsDouble())
                : base.map(PairTemplate::budgetPercent);
        if (severity.isEmpty() || longWindow.isEmpty() || shortWindow.isEmpty() || share.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new PairTemplate(name, severity.get(), longWindow.get(), shortWindow.get(), share.get()));
    }
}
