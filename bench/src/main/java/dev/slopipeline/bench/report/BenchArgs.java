package dev.slopipeline.bench.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code --name value} options of a benchmark, each declared with its default and meaning so that
 * {@code --help} lists them; anything undeclared is refused.
 */
public final class BenchArgs {

    private record Option(String defaultValue, String meaning) {
    }

    private final String usage;
    private final Map<String, Option> options = new LinkedHashMap<>();
    private final Map<String, String> given = new LinkedHashMap<>();
    private String[] raw = new String[0];

    public BenchArgs(String usage) {
        this.usage = usage;
        option("results", "bench/results", "folder for the result files");
    }

    public BenchArgs option(String name, String defaultValue, String meaning) {
        options.put(name, new Option(defaultValue, meaning));
        return this;
    }

    /** Reads the arguments; prints the help and exits on {@code --help}, exits 2 on a mistake. */
    public BenchArgs parse(String[] args) {
        raw = args.clone();
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--help") || arg.equals("-h")) {
                System.out.println(help());
                System.exit(0);
            }
            String name = arg.startsWith("--") ? arg.substring(2) : null;
            String value = null;
            if (name != null && name.contains("=")) {
                value = name.substring(name.indexOf('=') + 1);
                name = name.substring(0, name.indexOf('='));
            } else if (name != null && i + 1 < args.length) {
                value = args[++i];
            }
            if (name == null || !options.containsKey(name)) {
                problems.add("unknown option " + arg);
            } else if (value == null) {
                problems.add("option --" + name + " needs a value");
            } else {
                given.put(name, value);
            }
        }
        if (!problems.isEmpty()) {
            System.err.println(String.join("\n", problems) + "\n\n" + help());
            System.exit(2);
        }
        return this;
    }

    public String text(String name) {
        if (!options.containsKey(name)) {
            throw new IllegalArgumentException("undeclared option " + name);
        }
        return given.getOrDefault(name, options.get(name).defaultValue());
    }

    public int integer(String name) {
        return (int) number(name);
    }

    public long number(String name) {
        String value = text(name).replace("_", "");
        try {
            if (value.endsWith("M")) {
                return Math.round(Double.parseDouble(value.substring(0, value.length() - 1)) * 1_000_000);
            }
            if (value.endsWith("k")) {
                return Math.round(Double.parseDouble(value.substring(0, value.length() - 1)) * 1_000);
            }
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            System.err.println("--" + name + ": expected a whole number (1000, 10k, 2.5M), got " + text(name));
            System.exit(2);
            return 0;
        }
    }

    public List<Integer> integers(String name) {
        List<Integer> values = new ArrayList<>();
        for (String part : text(name).split(",")) {
            values.add(Integer.parseInt(part.trim().replace("_", "")));
        }
        return values;
    }

    public Path results() {
        return Path.of(text("results"));
    }

    /** The command as typed, for the report: the script name and the arguments. */
    public String command(String script) {
        return (script + " " + String.join(" ", raw)).trim();
    }

    public String help() {
        StringBuilder out = new StringBuilder(usage).append("\n\nOptions:\n");
        options.forEach((name, option) -> out.append(String.format(java.util.Locale.ROOT, "  --%-22s %s (default: %s)%n",
                name + " V", option.meaning(), option.defaultValue())));
        out.append("  --help                   this text\n");
        return out.toString();
    }
}
