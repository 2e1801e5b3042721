package dev.slopipeline.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.slopipeline.definitions.model.DefinitionSet;
import dev.slopipeline.definitions.model.DurationSyntax;
import dev.slopipeline.definitions.model.SeriesKey;
import dev.slopipeline.definitions.model.ServiceDefinition;
import dev.slopipeline.definitions.model.SloDefinition;
import dev.slopipeline.definitions.model.SloWindow;
import dev.slopipeline.definitions.policy.AlertPair;
import dev.slopipeline.definitions.policy.BurnRatePolicy;
import dev.slopipeline.definitions.Definitions;
import dev.slopipeline.definitions.yaml.LoadResult;
import dev.slopipeline.kit.time.Durations;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "plan",
        mixinStandardHelpOptions = true,
        description = {
                "Show, per SLO and alert pair, when it would page and what that costs:",
                "windows, burn-rate factor, error-ratio threshold, budget spent before it fires,",
                "time to detect a full outage, and time to exhaust the budget at that burn."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:planned", "1:the definitions have errors (run slo lint)", "2:usage error"})
final class PlanCommand implements Callable<Integer> {

    enum Format { table, json }

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "YAML files, or folders searched for *.yaml and *.yml")
    List<Path> paths;

    @Option(names = {"-o", "--output"}, defaultValue = "table", description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--slo", paramLabel = "NAME", description = "Only these SLOs (repeatable).")
    List<String> only;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        LoadResult result = Definitions.load(paths);
        if (result.hasErrors()) {
            result.errors().forEach(err::println);
            err.println("slo plan: the definitions have errors; fix them first (slo lint shows them all)");
            return 1;
        }
        result.warnings().forEach(err::println);
        List<Plan> plans = plans(result.definitions());
        if (only != null) {
            List<String> unknown = only.stream().filter(name -> plans.stream().noneMatch(p -> p.slo().name().equals(name))).toList();
            if (!unknown.isEmpty()) {
                err.println("slo plan: no SLO named " + String.join(", ", unknown));
                return 1;
            }
        }
        List<Plan> selected = plans.stream().filter(p -> only == null || only.contains(p.slo().name())).toList();
        if (format == Format.json) {
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(selected.stream().map(PlanCommand::toJson).toList()));
        } else {
            selected.forEach(plan -> printTable(out, plan));
        }
        return 0;
    }

    record Plan(SloDefinition slo, ServiceDefinition service, List<AlertPair> pairs) {
        Duration period() {
            return slo.window().nominalLength();
        }
    }

    private static List<Plan> plans(DefinitionSet set) {
        List<Plan> plans = new ArrayList<>();
        for (SloDefinition slo : set.slos().values()) {
            ServiceDefinition service = set.serviceOf(slo).orElseThrow();
            plans.add(new Plan(slo, service, BurnRatePolicy.pairsFor(slo, service.tier())));
        }
        return plans;
    }

    private static void printTable(PrintWriter out, Plan plan) {
        SloDefinition slo = plan.slo();
        out.printf("%s  (service %s, tier %d, journey %s)%n", slo.name(), slo.service(), plan.service().tier(), slo.journey());
        Duration fullOutage = Duration.ofMillis(Math.round(plan.period().toMillis() * slo.errorBudget()));
        out.printf("  objective %s %% over %s; error budget %s %% (%s of full outage)%n",
                number(slo.objectivePercent()), windowText(slo.window()), number(slo.errorBudget() * 100),
                Durations.formatRoughly(fullOutage));
        if (slo.grouping().isSplit()) {
            out.printf("  split by %s: every value%s judged alone, at most %d series, further ones counted in %s%n",
                    String.join(", ", slo.grouping().by()), slo.grouping().by().size() > 1 ? " combination" : "",
                    slo.grouping().maxSeries(), SeriesKey.overflow(slo));
        }
        if (slo.alerting().minEvents() > 0) {
            out.printf("  low-traffic guard: a pair fires only with at least %d events in its long window%n", slo.alerting().minEvents());
        }
        String header = String.format("  %-14s %-8s %-6s %-6s %8s %12s %10s %12s %14s",
                "PAIR", "SEVERITY", "LONG", "SHORT", "FACTOR", "ERROR RATIO>", "BUDGET", "DETECTS 100%", "EXHAUSTS IN");
        out.println(header);
        for (AlertPair pair : plan.pairs()) {
            out.printf("  %-14s %-8s %-6s %-6s %8s %12s %10s %12s %14s%s%n",
                    pair.name(), pair.severity().wireName(),
                    DurationSyntax.format(pair.longWindow()), DurationSyntax.format(pair.shortWindow()),
                    number(pair.factor()), percent(pair.errorRatioThreshold()), number(pair.budgetPercent()) + " %",
                    pair.canFire() ? Durations.formatRoughly(pair.timeToDetectFullOutage()) : "never",
                    Durations.formatRoughly(pair.timeToExhaustBudget(plan.period())),
                    pair.canFire() ? "" : "  (cannot fire: needs more than 100 % errors)");
        }
        out.println();
    }

    private static Map<String, Object> toJson(Plan plan) {
        SloDefinition slo = plan.slo();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("slo", slo.name());
        json.put("service", slo.service());
        json.put("tier", plan.service().tier());
        json.put("journey", slo.journey());
        json.put("objective", slo.objectivePercent());
        json.put("window", windowText(slo.window()));
        json.put("errorBudget", slo.errorBudget());
        json.put("minEvents", slo.alerting().minEvents());
        if (slo.grouping().isSplit()) {
            json.put("groupBy", slo.grouping().by());
            json.put("maxSeries", slo.grouping().maxSeries());
        }
        List<Map<String, Object>> pairs = new ArrayList<>();
        for (AlertPair pair : plan.pairs()) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("name", pair.name());
            p.put("severity", pair.severity().wireName());
            p.put("longWindow", DurationSyntax.format(pair.longWindow()));
            p.put("shortWindow", DurationSyntax.format(pair.shortWindow()));
            p.put("factor", round(pair.factor()));
            p.put("errorRatioThreshold", round(pair.errorRatioThreshold()));
            p.put("budgetPercent", pair.budgetPercent());
            p.put("canFire", pair.canFire());
            p.put("detectFullOutageSeconds", pair.canFire() ? round(pair.timeToDetectFullOutage().toMillis() / 1000.0) : null);
            p.put("exhaustBudgetSeconds", pair.timeToExhaustBudget(plan.period()).toSeconds());
            pairs.add(p);
        }
        json.put("pairs", pairs);
        return json;
    }

    private static String windowText(SloWindow window) {
        if (window instanceof SloWindow.Calendar calendar) {
            return "calendar " + calendar.period().name().toLowerCase(Locale.ROOT) + " (" + calendar.zone() + ")";
        }
        return DurationSyntax.format(window.nominalLength()) + " rolling";
    }

    private static double round(double value) {
        return Math.round(value * 1e6) / 1e6;
    }

    /** Up to four significant decimals, no trailing zeros: 14.4, 0.9333, 6. */
    static String number(double value) {
        String text = String.format(Locale.ROOT, "%.4f", value).replaceAll("0+$", "");
        return text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
    }

    private static String percent(double ratio) {
        return number(ratio * 100) + " %";
    }
}
