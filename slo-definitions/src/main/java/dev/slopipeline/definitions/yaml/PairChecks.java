package dev.slopipeline.definitions.yaml;

import dev.slopipeline.kit.yaml.Problems;
import dev.slopipeline.kit.yaml.SourceLocation;

import dev.slopipeline.definitions.model.Budgeting;
import dev.slopipeline.definitions.model.DurationSyntax;
import dev.slopipeline.definitions.model.SloDefinition;
import dev.slopipeline.definitions.model.SloWindow;
import dev.slopipeline.definitions.policy.AlertPair;
import dev.slopipeline.definitions.policy.BurnRatePolicy;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Checks an SLO's alert pairs as they resolve (defaults, tier and overrides together), because a
 * pair can be wrong without any one field being wrong: a 1-day SLO window is fine, and so is the
 * default 3-day ticket pair, but not both together.
 */
final class PairChecks {

    private PairChecks() {
    }

    /** False when a pair is impossible; a pair that merely can never fire is a warning. */
    static boolean check(Declared<SloDefinition> declared, int tier, Problems problems) {
        SloDefinition slo = declared.definition();
        Duration window = slo.window().nominalLength();
        boolean fit = true;
        for (AlertPair pair : BurnRatePolicy.pairsFor(slo, tier)) {
            String name = pair.name();
            if (pair.shortWindow().compareTo(pair.longWindow()) >= 0) {
                problems.error(firstWritten(declared, FieldPaths.pairField(name, "shortWindow"),
                                FieldPaths.pairField(name, "longWindow"), FieldPaths.pair(name)),
                        "pair \"" + name + "\" has a short window of " + format(pair.shortWindow())
                                + ", not shorter than its long window of " + format(pair.longWindow())
                                + "; make it about a twelfth of the long window, e.g. shortWindow: "
                                + format(twelfth(pair.longWindow())));
                fit = false;
            }
            if (pair.longWindow().compareTo(window) > 0) {
                problems.error(firstWritten(declared, FieldPaths.pairField(name, "longWindow"), FieldPaths.WINDOW),
                        "pair \"" + name + "\" has a long window of " + format(pair.longWindow())
                                + ", longer than the SLO window (" + describe(slo.window()) + "); shorten it, or switch the pair off with "
                                + name + ": {enabled: false}");
                fit = false;
            } else if (!pair.canFire()) {
                problems.warning(declared.at(FieldPaths.OBJECTIVE), "objective " + Numbers.plain(slo.objectivePercent(), 6)
                        + " can never fire " + name + ": it needs more than " + Numbers.plain(pair.errorRatioThreshold() * 100, 2)
                        + " % of " + badUnits(slo.budgeting()) + " in " + format(pair.longWindow())
                        + "; switch it off with " + name + ": {enabled: false}, or lengthen its windows");
            }
        }
        return fit;
    }

    private static String badUnits(Budgeting budgeting) {
        return budgeting instanceof Budgeting.Timeslices ? "minutes to be bad" : "events to fail";
    }

    private static String describe(SloWindow window) {
        if (window instanceof SloWindow.Calendar calendar) {
            return "a calendar " + calendar.period().name().toLowerCase(Locale.ROOT) + ", counted as "
                    + format(calendar.nominalLength());
        }
        return format(window.nominalLength());
    }

    private static Duration twelfth(Duration longWindow) {
        return Duration.ofMinutes(Math.max(1, longWindow.toMinutes() / 12));
    }

    private static String format(Duration duration) {
        return DurationSyntax.format(duration);
    }

    /** Where the first of the fields was written; the document when none was (a default pair). */
    private static SourceLocation firstWritten(Declared<?> declared, String... fields) {
        return Stream.of(fields).map(field -> Optional.ofNullable(declared.fields().get(field)))
                .flatMap(Optional::stream).findFirst().orElse(declared.location());
    }
}
