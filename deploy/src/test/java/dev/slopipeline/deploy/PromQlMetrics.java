package dev.slopipeline.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** The metric names that the Prometheus rules and the Grafana dashboards under deploy/ query. */
public final class PromQlMetrics {

    public static final Path DEPLOY = Path.of(".").toAbsolutePath().normalize();
    public static final Path ALERT_RULES = DEPLOY.resolve("prometheus/alerts.yml");
    public static final Path SLOTH_RULES = DEPLOY.resolve("prometheus/sloth-rules.yml");
    public static final List<Path> RULE_FILES = List.of(ALERT_RULES, SLOTH_RULES);
    public static final Path DASHBOARD = DEPLOY.resolve("grafana/dashboards/slo-pipeline.json");
    public static final Path SLO_DASHBOARD = DEPLOY.resolve("grafana/dashboards/slo-overview.json");

    private static final Pattern STRINGS = Pattern.compile("\"[^\"]*\"");
    private static final Pattern LABEL_SETS = Pattern.compile("\\{[^}]*}");
    private static final Pattern GROUPINGS = Pattern.compile("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
    private static final Pattern RANGES = Pattern.compile("\\[[^]]*]");
    /** Metric names of this project all have an underscore; PromQL functions and keywords used here have none. */
    private static final Pattern NAME = Pattern.compile("\\b[a-zA-Z_:][a-zA-Z0-9_:]*_[a-zA-Z0-9_:]*\\b");
    /** PromQL functions with an underscore in their name. */
    private static final Set<String> FUNCTIONS = Set.of("label_replace", "label_join", "histogram_quantile",
            "sum_over_time", "count_over_time", "max_over_time", "min_over_time", "avg_over_time");

    private PromQlMetrics() {
    }

    /** Every rule of the rule files: each a map with {@code record} or {@code alert}, {@code expr}, ... */
    public static List<Map<?, ?>> rules() throws IOException {
        List<Map<?, ?>> rules = new ArrayList<>();
        for (Path file : RULE_FILES) {
            try (InputStream in = Files.newInputStream(file)) {
                Map<String, Object> document = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
                for (Object group : (List<?>) document.get("groups")) {
                    for (Object rule : (List<?>) ((Map<?, ?>) group).get("rules")) {
                        rules.add((Map<?, ?>) rule);
                    }
                }
            }
        }
        return rules;
    }

    /** Every dashboard under grafana/dashboards. */
    public static List<JsonNode> dashboards() throws IOException {
        List<JsonNode> dashboards = new ArrayList<>();
        try (Stream<Path> files = Files.list(DEPLOY.resolve("grafana/dashboards"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                dashboards.add(new ObjectMapper().readTree(file.toFile()));
            }
        }
        return dashboards;
    }

    /** Every PromQL expression of a dashboard's panels and template variables, as Grafana holds them. */
    public static List<String> dashboardExpressions() throws IOException {
        List<String> expressions = new ArrayList<>();
        for (JsonNode dashboard : dashboards()) {
            for (JsonNode panel : dashboard.path("panels")) {
                for (JsonNode target : panel.path("targets")) {
                    expressions.add(target.path("expr").asText());
                }
            }
        }
        return expressions;
    }

    /** Every PromQL expression of the rules and of the dashboards' panels. */
    public static List<String> expressions() throws IOException {
        List<String> expressions = new ArrayList<>();
        for (Map<?, ?> rule : rules()) {
            expressions.add(String.valueOf(rule.get("expr")));
        }
        expressions.addAll(dashboardExpressions());
        return expressions;
    }

    /** The names of the series the rule files record: Prometheus makes them, the apps do not export them. */
    public static Set<String> recorded() throws IOException {
        Set<String> recorded = new TreeSet<>();
        for (Map<?, ?> rule : rules()) {
            if (rule.get("record") != null) {
                recorded.add(String.valueOf(rule.get("record")));
            }
        }
        return recorded;
    }

    /** The metric names queried that the apps must export: recorded series, label matchers, groupings and ranges left out. */
    public static Set<String> names() throws IOException {
        Set<String> names = new TreeSet<>();
        for (String expression : expressions()) {
            names.addAll(namesIn(expression));
        }
        names.removeAll(recorded());
        return names;
    }

    /** The metric names of the samples in a /metrics page (Prometheus's text format). */
    public static Set<String> exported(String exposition) {
        Set<String> names = new TreeSet<>();
        exposition.lines().filter(line -> !line.startsWith("#") && !line.isBlank())
                .forEach(line -> names.add(line.split("[{ ]", 2)[0]));
        return names;
    }

    /** The metric names in one expression. */
    public static Set<String> namesIn(String expression) {
        Set<String> names = new TreeSet<>();
        String bare = RANGES.matcher(GROUPINGS.matcher(LABEL_SETS.matcher(STRINGS.matcher(expression).replaceAll(" "))
                .replaceAll(" ")).replaceAll(" ")).replaceAll(" ");
        Matcher matcher = NAME.matcher(bare);
        while (matcher.find()) {
            if (!FUNCTIONS.contains(matcher.group())) {
                names.add(matcher.group());
            }
        }
        return names;
    }
}
