package dev.slopipeline.router.routing.inhibit;

import dev.slopipeline.router.notification.Fingerprint;
import dev.slopipeline.router.notification.LabelledAlert;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Decides which alerts the inhibition rules mute, as Alertmanager's inhibitor does: an alert is inhibited by a rule
 * when it matches the rule's target matchers and some firing alert matches the source matchers and has the same
 * value for every {@code equal} label (a label missing on both sides counts as equal, both being empty).
 *
 * <p>An alert that matches both sides of a rule is not inhibited by alerts that also match both sides; in
 * particular no alert inhibits itself, and two alerts of a symmetrical rule do not silence each other.
 */
public final class Inhibitor {

    private final List<InhibitRule> rules;

    public Inhibitor(List<InhibitRule> rules) {
        this.rules = List.copyOf(rules);
    }

    public List<InhibitRule> rules() {
        return rules;
    }

    /**
     * The fingerprints of the firing alerts that inhibit an alert with these labels, in fingerprint order; empty
     * when nothing does.
     *
     * @param alerts the alerts the router knows; resolved ones are passed over
     */
    public List<Fingerprint> inhibitedBy(Map<String, String> labels, Collection<LabelledAlert> alerts) {
        TreeSet<Fingerprint> sources = new TreeSet<>();
        for (InhibitRule rule : rules) {
            if (!rule.target().matches(labels)) {
                continue;
            }
            boolean twoSided = rule.source().matches(labels);
            for (LabelledAlert source : alerts) {
                if (!source.resolved() && rule.source().matches(source.labels()) && equal(rule, source.labels(), labels)
                        && !(twoSided && rule.target().matches(source.labels()))) {
                    sources.add(source.fingerprint());
                }
            }
        }
        return List.copyOf(sources);
    }

    private static boolean equal(InhibitRule rule, Map<String, String> source, Map<String, String> target) {
        return rule.equal().stream()
                .allMatch(name -> source.getOrDefault(name, "").equals(target.getOrDefault(name, "")));
    }
}
