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
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** The metric names that the Prometheus alert rules and the Grafana dashboard under deploy/ query. */
public final class PromQlMetrics {

    public static final Path DEPLOY = Path.of(".").toAbsolutePath().normalize();
    public static final Path ALERT_RULES = DEPLOY.resolve("prometheus/alerts.yml");
    public static final Path DASHBOARD = DEPLOY.resolve("grafana/dashboards/slo-pipeline.json");

    private static final Pattern LABEL_SETS = Pattern.compile("\\{[^}]*}");
    private static final Pattern GROUPINGS = Pattern.compile("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
    private static final Pattern RANGES = Pattern.compile("\\[[^]]*]");
    /** Metric names of this project all have an underscore; PromQL functions and keywords used here have none. */
    private static final Pattern NAME = Pattern.compile("\\b[a-zA-Z_:][a-zA-Z0-9_:]*_[a-zA-Z0-9_:]*\\b");

    private PromQlMetrics() {
    }

    /** Every PromQL expression of the alert rules and of the dashboard's panels. */
    public static List<String> expressions() throws IOException {
        List<String> expressions = new ArrayList<>();
        try (InputStream in = Files.newInputStream(ALERT_RULES)) {
            Map<String, Object> rules = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
            for (Object group : (List<?>) rules.get("groups")) {
                for (Object rule : (List<?>) ((Map<?, ?>) group).get("rules")) {
                    expressions.add(String.valueOf(((Map<?, ?>) rule).get("expr")));
                }
            }
        }
        JsonNode dashboard = new ObjectMapper().readTree(DASHBOARD.toFile());
        for (JsonNode panel : dashboard.path("panels")) {
            for (JsonNode target : panel.path("targets")) {
                expressions.add(target.path("expr").asText());
            }
        }
        return expressions;
    }

    /** The metric names queried, label matchers, groupings and ranges left out. */
    public static Set<String> names() throws IOException {
        Set<String> names = new TreeSet<>();
        for (String expression : expressions()) {
            String bare = RANGES.matcher(GROUPINGS.matcher(LABEL_SETS.matcher(expression).replaceAll(" "))
                    .replaceAll(" ")).replaceAll(" ");
            Matcher matcher = NAME.matcher(bare);
            while (matcher.find()) {
                names.add(matcher.group());
            }
        }
        return names;
    }
}
